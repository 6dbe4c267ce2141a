package com.perprisk.cli;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceException;
import com.perprisk.venue.ApiKey;
import com.perprisk.venue.LiveMarket;
import com.perprisk.venue.Venue;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fetch VENUE SYMBOL [--base-url URL] [--timeout-ms N] [--key-env NAME] [--into WORKSPACE.json]}: prints the
 * venue's current market as one workspace market object (plus {@code asOf}, {@code source},
 * {@code nextFundingTime}); with {@code --into} it also replaces (or adds) that market in the workspace file,
 * atomically, keeping the taker fee and dated future typed there. Exit 4 for a network or venue error.
 */
public final class FetchCommand {
    static final String USAGE_LINE = "usage: perprisk fetch VENUE SYMBOL [--base-url URL] [--timeout-ms N] "
            + "[--key-env NAME] [--into WORKSPACE.json]   (VENUE: " + Venue.names() + ")";

    private FetchCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return VenueArgs.guarded(USAGE_LINE, err, () -> {
            VenueArgs a = VenueArgs.parse("fetch", args, Set.of("base-url", "timeout-ms", "key-env", "into"));
            if (a.help) {
                out.println(USAGE_LINE);
                return Cli.OK;
            }
            if (a.positional.size() != 2) {
                throw new HeadlessSupport.UsageException("fetch: needs VENUE and SYMBOL (got "
                        + a.positional.size() + " argument" + (a.positional.size() == 1 ? "" : "s") + ")");
            }
            Venue venue = VenueArgs.venue("fetch", a.positional.get(0));
            String symbol = a.positional.get(1).strip();
            if (symbol.isEmpty()) {
                throw new HeadlessSupport.UsageException("fetch: SYMBOL is empty (e.g. " + venue.exampleSymbol() + ")");
            }
            ApiKey key = a.key(venue, env, err);
            var client = a.client("fetch", venue, key);
            Path into = null;
            WorkspaceDocument doc = null;
            if (a.options.containsKey("into")) {
                try {
                    into = Path.of(a.options.get("into"));
                    doc = WorkspaceCodec.read(into);
                } catch (InvalidPathException e) {
                    err.println("error: --into: not a valid file name: " + a.options.get("into"));
                    return Cli.UNREADABLE;
                } catch (WorkspaceException e) {
                    err.println("error: --into: " + e.getMessage());
                    return e.kind() == WorkspaceException.Kind.IO ? Cli.UNREADABLE : Cli.INVALID;
                }
            }
            MarketDoc market = VenueArgs.ask(err, () -> client.fetchMarket(symbol));
            if (into != null) {
                WorkspaceDocument updated = withMarket(doc, market);
                try {
                    WorkspaceCodec.write(updated, into);
                } catch (WorkspaceException e) {
                    err.println("error: " + e.getMessage());
                    return Cli.UNREADABLE;
                }
                String symbolFetched = market.symbol();
                market = updated.markets().stream().filter(m -> symbolFetched.equals(m.symbol())).findFirst()
                        .orElse(market);
            }
            out.print(WorkspaceCodec.marketToJson(market));
            return Cli.OK;
        });
    }

    /** The document with the market of that symbol replaced (merged), or the market added at the end. */
    static WorkspaceDocument withMarket(WorkspaceDocument doc, MarketDoc fetched) {
        List<MarketDoc> markets = new ArrayList<>(doc.markets() == null ? List.of() : doc.markets());
        for (int i = 0; i < markets.size(); i++) {
            MarketDoc old = markets.get(i);
            if (old != null && fetched.symbol().equals(old.symbol())) {
                markets.set(i, LiveMarket.mergeInto(old, fetched));
                return doc.withMarkets(markets);
            }
        }
        markets.add(fetched);
        return doc.withMarkets(markets);
    }
}
