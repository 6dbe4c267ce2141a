package com.perprisk.ui.live;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import com.perprisk.venue.InMemoryKeyStore;
import com.perprisk.venue.RecordedVenue;
import com.perprisk.venue.RecordedVenue.Reply;
import com.perprisk.venue.SnapshotCache;
import com.perprisk.venue.Venue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live view model without a screen: the "FX thread" is this test's thread, draining a queue. */
class LiveViewModelTest {
    private final RecordedVenue server = RecordedVenue.allVenues();
    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private WorkspaceViewModel ws;
    private LiveViewModel live;
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws Exception {
        ws = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        ws.load(WorkspaceCodec.read(LiveWindowTest.START), null);
        live = model(server.baseUrl());
    }

    private LiveViewModel model(String base) {
        Map<Venue, String> urls = new EnumMap<>(Venue.class);
        for (Venue v : Venue.values()) {
            urls.put(v, base);
        }
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        return new LiveViewModel(ws, new LiveConfig(urls, Duration.ofSeconds(5)), new InMemoryKeyStore(),
                new SnapshotCache(dir), clock, worker, fx::add);
    }

    @AfterEach
    void tearDown() {
        worker.shutdownNow();
        server.close();
    }

    /** Runs what the worker posts until the job is over. */
    private void settle() throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (live.busyProperty().get() && System.nanoTime() < end) {
            Runnable r = fx.poll(100, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        Runnable r;
        while ((r = fx.poll()) != null) {
            r.run();
        }
        assertFalse(live.busyProperty().get(), "the job finished");
    }

    private MarketRow row(String symbol) {
        return ws.market(symbol).orElseThrow();
    }

    @Test
    void aRefreshReplacesTheMarketInOneUndoStepAndAgesWithTheClock() throws Exception {
        assertEquals("typed", live.state(row("BTC")).age());
        assertTrue(live.refresh(row("BTC")));
        settle();
        assertEquals("91250", row("BTC").markPriceProperty().get());
        assertEquals("now", live.state(row("BTC")).age());
        assertTrue(live.state(row("BTC")).fetched());
        now = now.plus(Duration.ofMinutes(7));
        live.tick();
        assertEquals("7 min", live.state(row("BTC")).age());
        assertFalse(live.state(row("BTC")).old());
        now = now.plus(Duration.ofHours(2));
        assertEquals("2 h", live.state(row("BTC")).age());
        assertTrue(live.state(row("BTC")).old(), "older than an hour is marked");
        row("BTC").markPriceProperty().set("95000");
        assertEquals("edited", live.state(row("BTC")).age(), "typed over since the fetch");
        assertTrue(live.state(row("BTC")).tooltip().contains("then edited by hand"));
        ws.undo();
        assertEquals("2 h", live.state(row("BTC")).age());
        ws.undo();
        assertEquals("90000", row("BTC").markPriceProperty().get());
    }

    @Test
    void aFailedRefreshChangesNothingAndNamesTheEndpointAtTheRow() throws Exception {
        server.route("/v5/market/risk-limit", r -> Reply.status(500, "{\"retCode\":10016,\"retMsg\":\"down\"}"));
        WorkspaceDocument before = ws.toDocument();
        live.refresh(row("BTCUSDT"));
        settle();
        assertEquals(before, ws.toDocument());
        assertFalse(ws.canUndoProperty().get(), "no undo step either");
        String error = live.state(row("BTCUSDT")).error();
        assertEquals("Bybit GET /v5/market/risk-limit: HTTP 500: down (code 10016)", error);
        assertTrue(live.failedProperty().get());
        assertNull(live.state(row("BTC")).error());
    }

    @Test
    void offlineTheLastSnapshotCanBeUsed() throws Exception {
        live.refresh(row("BTCUSDT"));
        settle();
        ws.undo(); // back to the typed market; the snapshot stays in the cache
        assertEquals("60000", row("BTCUSDT").markPriceProperty().get());
        server.close(); // no network
        LiveViewModel offline = model("http://127.0.0.1:9"); // nothing listens on the discard port
        live = offline;
        offline.refresh(row("BTCUSDT"));
        settle();
        assertTrue(offline.state(row("BTCUSDT")).error().contains("cannot connect"),
                offline.state(row("BTCUSDT")).error());
        assertEquals("60000", row("BTCUSDT").markPriceProperty().get(), "the app keeps computing on what it has");
        assertTrue(offline.newerSnapshot(row("BTCUSDT")).isPresent());
        assertTrue(offline.useSnapshot(row("BTCUSDT")));
        assertEquals("64970.71", row("BTCUSDT").markPriceProperty().get());
        assertNull(offline.state(row("BTCUSDT")).error());
    }

    @Test
    void positionsNeedAKeyWhereTheVenueSaysSo() throws Exception {
        assertFalse(live.importPositions(Venue.BYBIT, null));
        assertEquals("Bybit positions need a read-only API key: enter it first", live.statusProperty().get());
        assertEquals("OKX keys have a passphrase: enter it too", live.setKey(Venue.OKX, "k", "s", ""));
        assertTrue(live.keys().get(Venue.OKX).isEmpty());
        assertEquals("", live.setKey(Venue.BYBIT, "KEY-abc123", "SECRET-xyz789", null));
        assertTrue(live.keys().get(Venue.BYBIT).isPresent());
        assertFalse(live.keys().persistent());
        String saved = WorkspaceCodec.toJson(ws.toDocument());
        assertFalse(saved.contains("abc123") || saved.contains("xyz789"), "no key in the workspace");
        assertFalse(live.keys().get(Venue.BYBIT).orElseThrow().toString().contains("xyz789"));
    }
}
