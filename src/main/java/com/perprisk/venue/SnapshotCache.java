package com.perprisk.venue;

import com.perprisk.io.AtomicFiles;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * The last successful fetch of each market, one workspace market object per file
 * ({@code snapshots/<venue>-<symbol>.json}, written atomically), with its time in {@code asOf}: what the app can
 * fall back to without a network.
 */
public final class SnapshotCache {
    /** A cached market and when it was fetched. */
    public record Snapshot(MarketDoc market, Instant fetchedAt) {
    }

    private final Path dir;

    public SnapshotCache(Path dir) {
        this.dir = dir;
    }

    public Path directory() {
        return dir;
    }

    Path file(Venue venue, String symbol) {
        String safe = symbol.strip().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9._-]", "_");
        return dir.resolve(venue.id() + "-" + safe + ".json");
    }

    /** Stores a fetched market (replacing the older snapshot). */
    public void save(Venue venue, MarketDoc market) throws IOException {
        Files.createDirectories(dir);
        String json;
        try {
            json = WorkspaceCodec.marketToJson(market);
        } catch (WorkspaceException e) {
            throw new IOException(e.getMessage(), e);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file(venue, market.symbol()), out -> out.write(bytes));
    }

    /** The last snapshot of a market, if there is a readable one. */
    public Optional<Snapshot> load(Venue venue, String symbol) {
        Path f = file(venue, symbol);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            MarketDoc m = WorkspaceCodec.readMarket(Files.readString(f, StandardCharsets.UTF_8));
            return LiveMarket.asOf(m).map(t -> new Snapshot(m, t));
        } catch (IOException | WorkspaceException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
