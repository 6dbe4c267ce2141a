package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.cascade.Cascade;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.funding.FundingMethod;
import com.perprisk.engine.lab.LabEvaluator;
import com.perprisk.engine.lab.LabEvaluator.LabResults;
import com.perprisk.engine.pool.GmxPool;
import com.perprisk.engine.pricing.IndexPrice;
import com.perprisk.engine.vamm.Vamm;
import com.perprisk.io.FieldProblem;
import com.perprisk.io.MarketLabCodec;
import com.perprisk.io.WorkspaceException;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.perprisk.cli.HeadlessSupport.put;

/**
 * {@code market LAB.json [--explain]}: evaluates a market-lab document (format "perprisk-market", docs/market-lab.md)
 * and prints one JSON object with a section per input section. Exit codes as {@code calc}.
 */
final class MarketCommand {
    static final String USAGE_LINE = "usage: perprisk market LAB.json [--explain]   (- reads standard input)";

    private MarketCommand() {
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        boolean explain = false;
        String file = null;
        for (String a : args) {
            if (a.equals("--explain")) {
                explain = true;
            } else if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE_LINE);
                return Cli.OK;
            } else if (a.startsWith("-") && !a.equals("-")) {
                err.println("market: unknown option " + a);
                err.println(USAGE_LINE);
                return Cli.USAGE;
            } else if (file != null) {
                err.println("market: one lab document at a time (got " + file + " and " + a + ")");
                err.println(USAGE_LINE);
                return Cli.USAGE;
            } else {
                file = a;
            }
        }
        if (file == null) {
            err.println("market: missing the lab document");
            err.println(USAGE_LINE);
            return Cli.USAGE;
        }
        MarketLabCodec.Read read;
        try {
            read = file.equals("-") ? MarketLabCodec.read(in) : MarketLabCodec.read(Path.of(file));
        } catch (InvalidPathException e) {
            err.println("error: not a valid file name: " + file);
            return Cli.UNREADABLE;
        } catch (WorkspaceException e) {
            err.println("error: " + e.getMessage());
            return e.kind() == WorkspaceException.Kind.IO ? Cli.UNREADABLE : Cli.INVALID;
        }
        for (FieldProblem w : read.warnings()) {
            err.println("warning: " + w);
        }
        LabResults r;
        try {
            r = LabEvaluator.evaluate(read.inputs());
        } catch (EngineException e) {
            err.println("error: " + Cli.describe(e));
            return Cli.INVALID;
        }
        try {
            HeadlessSupport.print(out, render(r, explain, read.warnings()));
        } catch (IOException e) {
            err.println("error: cannot format the result: " + Cli.describe(e));
            return Cli.INTERNAL;
        }
        return Cli.OK;
    }

    static ObjectNode render(LabResults r, boolean explain, List<FieldProblem> warnings) {
        ObjectNode root = HeadlessSupport.JSON.createObjectNode();
        if (r.index() != null) {
            ObjectNode o = root.putObject("index");
            put(o, "price", r.index().price());
            ArrayNode used = o.putArray("used");
            r.index().used().forEach(s -> used.add(s.name()));
            ArrayNode dropped = o.putArray("dropped");
            for (IndexPrice.Dropped d : r.index().droppedSources()) {
                dropped.addObject().put("name", d.name()).put("reason", d.reason());
            }
            put(o, "median", r.index().median());
            o.put("fallback", r.index().fellBack());
            if (explain) {
                explanations(o, Map.of("price", r.indexExplanation()));
            }
        }
        if (r.book() != null) {
            LabEvaluator.BookOut b = r.book();
            ObjectNode o = root.putObject("book");
            put(o, "impactBid", b.impactBid());
            put(o, "impactAsk", b.impactAsk());
            put(o, "impactMid", b.impactMid());
            put(o, "impactNotional", b.impactNotional());
            put(o, "bestBid", b.bestBid());
            put(o, "bestAsk", b.bestAsk());
            put(o, "mid", b.mid());
            put(o, "spread", b.spread());
            ObjectNode d = o.putObject("depth");
            put(d, "percent", b.depthFraction() * 100);
            put(d, "bidNotional", b.bidDepth());
            put(d, "askNotional", b.askDepth());
            if (explain) {
                explanations(o, b.explanations());
            }
        }
        if (r.funding() != null) {
            FundingMethod.Result f = r.funding();
            ObjectNode o = root.putObject("funding");
            put(o, "premiumIndex", f.premiumIndex());
            put(o, "rate", f.rate());
            put(o, "clampBound", f.clampBound());
            put(o, "ratePerHour", f.ratePerHour());
            put(o, "apr", f.apr());
            put(o, "fundingIndexDelta", f.fundingIndexDelta());
            put(o, "intervalHours", f.intervalHours());
            ArrayNode s = o.putArray("samples");
            f.samples().forEach(s::add);
            if (explain) {
                explanations(o, f.explanations());
            }
        }
        if (r.mark() != null) {
            ObjectNode o = root.putObject("mark");
            put(o, "price", r.mark().price());
            o.put("method", r.mark().method().name());
            if (explain) {
                explanations(o, Map.of("price", r.mark().explanation()));
            }
        }
        if (r.vamm() != null) {
            ObjectNode o = root.putObject("vamm");
            put(o, "priceBefore", r.vamm().priceBefore());
            put(o, "k", r.vamm().k());
            ArrayNode ts = o.putArray("trades");
            for (int i = 0; i < r.vamm().trades().size(); i++) {
                Vamm.Result t = r.vamm().trades().get(i);
                ObjectNode e = ts.addObject();
                e.put("trade", t.kind().field());
                put(e, "baseAmount", t.baseAmount());
                put(e, "quoteAmount", t.quoteAmount());
                put(e, "averagePrice", t.averagePrice());
                put(e, "quoteReserveAfter", t.quoteReserveAfter());
                put(e, "baseReserveAfter", t.baseReserveAfter());
                put(e, "priceAfter", t.priceAfter());
                put(e, "priceImpact", t.priceImpact());
                put(e, "toll", t.toll());
                put(e, "spread", t.spread());
                if (explain) {
                    explanations(e, Map.of("baseAmount", r.vamm().explanations().get(i)));
                }
            }
            if (r.vamm().fundingRate() != null) {
                put(o, "fundingRate", r.vamm().fundingRate());
            }
        }
        if (r.pool() != null) {
            pool(root.putObject("pool"), r.pool(), explain);
        }
        if (r.cascade() != null) {
            ObjectNode o = root.putObject("cascade");
            outcome(o.putObject("bookMid"), r.cascade().bookMid());
            outcome(o.putObject("indexAnchored"), r.cascade().indexAnchored());
        }
        ArrayNode w = root.putArray("warnings");
        warnings.forEach(p -> w.add(p.toString()));
        return root;
    }

    private static void pool(ObjectNode o, LabEvaluator.PoolOut p, boolean explain) {
        put(o, "poolValue", p.poolValue());
        ObjectNode oi = o.putObject("openInterest");
        ObjectNode pnl = o.putObject("pnl");
        ObjectNode factor = o.putObject("pnlToPoolFactor");
        ObjectNode adl = o.putObject("adl");
        ObjectNode funding = o.putObject("fundingPerSecond");
        ObjectNode borrowing = o.putObject("borrowingPerSecond");
        for (Side s : Side.values()) {
            String k = s.name().toLowerCase(Locale.ROOT);
            put(oi, k, p.openInterest().get(s));
            put(pnl, k, p.pnl().get(s));
            put(factor, k, p.pnlToPoolFactor().get(s));
            ObjectNode a = adl.putObject(k);
            a.put("required", p.adlRequired().get(s));
            put(a, "share", p.adlShare().get(s));
            put(funding, k, p.fundingPerSecond().get(s));
            put(borrowing, k, p.borrowingPerSecond().get(s));
        }
        put(adl, "maxPnlFactorForAdl", p.pool().maxPnlFactorForAdl());
        put(adl, "minPnlFactorAfterAdl", p.pool().minPnlFactorAfterAdl());
        ArrayNode ps = o.putArray("positions");
        for (GmxPool.Liquidation l : p.positions()) {
            ObjectNode e = ps.addObject();
            put(e, "pnl", l.pnl());
            put(e, "priceImpact", l.priceImpact());
            put(e, "closeFee", l.closeFee());
            put(e, "remainingCollateral", l.remainingCollateral());
            put(e, "minCollateral", l.minCollateral());
            e.put("liquidatable", l.liquidatable());
            e.put("reason", l.reason());
        }
        ArrayNode ts = o.putArray("trades");
        for (LabEvaluator.TradeOut t : p.trades()) {
            ObjectNode e = ts.addObject();
            e.put("side", t.trade().side().name());
            put(e, "sizeDeltaUsd", t.trade().sizeDeltaUsd());
            put(e, "positionFee", t.positionFee());
            put(e, "priceImpact", t.priceImpact());
        }
        if (explain) {
            explanations(o, com.perprisk.engine.pool.PoolExplainer.explain(p.pool()));
        }
    }

    private static void outcome(ObjectNode o, Cascade.Outcome c) {
        put(o, "initialMark", c.initialMark());
        put(o, "finalMark", c.finalMark());
        put(o, "markMove", c.markMove());
        o.put("liquidated", c.liquidated());
        put(o, "liquidatedSize", c.liquidatedSize());
        put(o, "insuranceFundEnd", c.insuranceFundEnd());
        put(o, "adl", c.adlAmount());
        put(o, "unfilledSize", c.unfilledSize());
        o.put("bookExhausted", c.bookExhausted());
        ArrayNode rs = o.putArray("rounds");
        for (Cascade.Round r : c.rounds()) {
            ObjectNode e = rs.addObject();
            e.put("round", r.number());
            put(e, "markBefore", r.markBefore());
            e.put("liquidated", r.liquidated());
            put(e, "liquidatedSize", r.liquidatedSize());
            put(e, "averageFill", r.averageFill());
            put(e, "midAfter", r.midAfter());
            put(e, "markAfter", r.markAfter());
            put(e, "fundChange", r.fundChange());
        }
    }

    /** Explanations in calc's shape: {key: {quantity, formula, terms, substituted, result, notes}}. */
    static void explanations(ObjectNode o, Map<String, Explanation> map) {
        ObjectNode ex = o.putObject("explanations");
        map.keySet().stream().sorted().forEach(k -> {
            Explanation e = map.get(k);
            ObjectNode x = ex.putObject(k);
            x.put("quantity", e.quantity());
            x.put("formula", e.formula());
            ArrayNode terms = x.putArray("terms");
            for (Term t : e.terms()) {
                ObjectNode tn = terms.addObject();
                tn.put("symbol", t.symbol());
                tn.put("name", t.name());
                put(tn, "value", t.value());
                tn.put("unit", t.unit());
            }
            x.put("substituted", e.substituted());
            put(x, "result", e.result());
            ArrayNode notes = x.putArray("notes");
            e.notes().forEach(notes::add);
        });
    }
}
