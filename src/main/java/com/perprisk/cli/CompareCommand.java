package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.Convention;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.engine.compare.VenueComparison;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.Set;

/**
 * {@code compare WORKSPACE}: the same account and positions under every convention, printed as
 * {@code {"conventions": {"BINANCE": <calc output>, …}, "differences": [...], "fundingPerDay": {...},
 * "closeFees": {...}, "errors": {...}}}.
 */
public final class CompareCommand {
    static final String USAGE_LINE = "usage: perprisk compare WORKSPACE.json   (- reads standard input)";

    private CompareCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return HeadlessSupport.guarded("compare", USAGE_LINE, err, () -> {
            HeadlessSupport.Args a = HeadlessSupport.parse("compare", args, Set.of(), Set.of());
            if (a == null) {
                out.println(USAGE_LINE);
                return Cli.OK;
            }
            HeadlessSupport.Loaded w = HeadlessSupport.load(a.file(), in, err);
            VenueComparison.Comparison c = VenueComparison.compare(w.portfolio());
            ObjectNode root = HeadlessSupport.JSON.createObjectNode();
            ObjectNode conventions = root.putObject("conventions");
            for (Convention conv : Convention.values()) {
                if (c.portfolios().containsKey(conv)) {
                    conventions.set(conv.name(), HeadlessSupport.calcOutput(c.portfolios().get(conv), w.warnings()));
                }
            }
            ArrayNode diffs = root.putArray("differences");
            for (VenueComparison.Difference d : c.differences()) {
                ObjectNode o = diffs.addObject();
                o.put("positionId", d.positionId());
                o.put("quantity", d.quantity());
                o.put("conventionA", d.conventionA().name());
                o.put("conventionB", d.conventionB().name());
                HeadlessSupport.put(o, "valueA", d.valueA());
                HeadlessSupport.put(o, "valueB", d.valueB());
                o.put("cause", d.cause());
                ObjectNode contrib = o.putObject("contributions");
                d.contributions().forEach((k, v) -> HeadlessSupport.put(contrib, k, v));
            }
            ObjectNode perDay = root.putObject("fundingPerDay");
            for (Map.Entry<Convention, Map<String, Double>> e : c.fundingPerDay().entrySet()) {
                ObjectNode o = perDay.putObject(e.getKey().name());
                e.getValue().forEach((k, v) -> HeadlessSupport.put(o, k, v));
            }
            ObjectNode fees = root.putObject("closeFees");
            for (Map.Entry<Convention, Map<String, Double>> e : c.closeFees().entrySet()) {
                ObjectNode o = fees.putObject(e.getKey().name());
                e.getValue().forEach((k, v) -> HeadlessSupport.put(o, k, v));
            }
            if (Reciprocal.hasInverse(w.portfolio())) {
                // the asset of each position's amounts (fundingPerDay, closeFees, its figures): its settle coin
                ObjectNode assets = root.putObject("marginAssets");
                Map<String, com.perprisk.engine.Market> markets = w.portfolio().marketsBySymbol();
                for (com.perprisk.engine.Position p : w.portfolio().positions()) {
                    com.perprisk.engine.Market m = markets.get(p.symbol());
                    if (m != null) {
                        assets.put(p.id(), m.marginAsset());
                    }
                }
            }
            ObjectNode errors = root.putObject("errors");
            c.errors().forEach((k, v) -> errors.put(k.name(), v));
            for (Map.Entry<Convention, String> e : c.errors().entrySet()) {
                err.println("warning: cannot evaluate under " + e.getKey().name() + ": " + e.getValue());
            }
            HeadlessSupport.print(out, root);
            return Cli.OK;
        });
    }
}
