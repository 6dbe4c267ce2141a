package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.MarketRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.FieldProblem;
import com.perprisk.io.MappingResult;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.io.WorkspaceMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code calc WORKSPACE.json [--explain]}: evaluates a workspace and prints one JSON object with every computed
 * number. Numbers are plain JSON numbers at full double precision; a value that does not exist (no liquidation price,
 * no dated future) and any non-finite value is {@code null}. Problems go to stderr, one line each, naming the field.
 */
final class CalcCommand {
    static final String USAGE_LINE = "usage: perprisk calc WORKSPACE.json [--explain]   (- reads standard input)";

    /** Order of the position keys in the output, which is also the order explanations are listed in. */
    static final List<String> POSITION_KEYS = List.of("id", "symbol", "side", "marginMode", "notional",
            "unrealizedPnl", "roe", "initialMargin", "maintenanceMargin", "maintenanceMarginRate", "bracket",
            "liquidationPrice", "bankruptcyPrice", "distanceToLiquidation", "marginRatio", "adlScore", "adlQuintile",
            "fundingPerSettlement", "fundingOverHorizon");
    static final List<String> ACCOUNT_KEYS = List.of("walletBalance", "unrealizedPnl", "marginBalance",
            "initialMargin", "maintenanceMargin", "marginRatio", "availableBalance");
    static final List<String> MARKET_KEYS = List.of("symbol", "premium", "fundingApr", "fundingApy", "basis",
            "basisRate", "annualizedBasis");

    private CalcCommand() {
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
                err.println("calc: unknown option " + a);
                err.println(USAGE_LINE);
                return Cli.USAGE;
            } else if (file != null) {
                err.println("calc: one workspace file at a time (got " + file + " and " + a + ")");
                err.println(USAGE_LINE);
                return Cli.USAGE;
            } else {
                file = a;
            }
        }
        if (file == null) {
            err.println("calc: missing the workspace file");
            err.println(USAGE_LINE);
            return Cli.USAGE;
        }

        WorkspaceDocument doc;
        try {
            doc = file.equals("-") ? WorkspaceCodec.read(in) : WorkspaceCodec.read(Path.of(file));
        } catch (InvalidPathException e) {
            err.println("error: not a valid file name: " + file);
            return Cli.UNREADABLE;
        } catch (WorkspaceException e) {
            err.println("error: " + e.getMessage());
            return e.kind() == WorkspaceException.Kind.IO ? Cli.UNREADABLE : Cli.INVALID;
        }

        MappingResult mapped = WorkspaceMapper.toPortfolio(doc);
        for (FieldProblem p : mapped.problems()) {
            err.println(p.isError() ? p.toString() : "warning: " + p);
        }
        if (mapped.hasErrors()) {
            return Cli.INVALID;
        }

        Portfolio portfolio = mapped.portfolio();
        PortfolioRisk risk;
        try {
            risk = RiskEngine.evaluate(portfolio, explain);
        } catch (EngineException e) {
            err.println("error: " + Cli.describe(e));
            return Cli.INVALID;
        }
        List<String> warnings = new ArrayList<>();
        for (FieldProblem p : mapped.warnings()) {
            warnings.add(p.toString());
        }
        if (risk.warnings() != null) {
            for (String w : risk.warnings()) {
                // the engine repeats tier-table warnings ("BTCUSDT tier 2: …") that were already reported at their path
                boolean repeated = mapped.warnings().stream().anyMatch(p -> w.endsWith(": " + p.message()));
                if (!repeated) {
                    warnings.add(w);
                    err.println("warning: " + w);
                }
            }
        }
        String json;
        try {
            json = render(risk, explain, warnings);
        } catch (IOException e) {
            err.println("error: cannot format the result: " + Cli.describe(e));
            return Cli.INTERNAL;
        }
        out.print(json);
        return Cli.OK;
    }

    static String render(PortfolioRisk risk, boolean explain, List<String> warnings) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
            g.setPrettyPrinter(HeadlessSupport.layout());
            g.writeStartObject();

            AccountRisk a = risk.account();
            g.writeObjectFieldStart("account");
            number(g, "walletBalance", a.walletBalance());
            number(g, "unrealizedPnl", a.unrealizedPnl());
            number(g, "marginBalance", a.marginBalance());
            number(g, "initialMargin", a.initialMargin());
            number(g, "maintenanceMargin", a.maintenanceMargin());
            number(g, "marginRatio", a.marginRatio());
            number(g, "availableBalance", a.availableBalance());
            if (explain) {
                explanations(g, risk.accountExplanations(), ACCOUNT_KEYS);
            }
            g.writeEndObject();

            g.writeArrayFieldStart("positions");
            for (PositionRisk p : risk.positions()) {
                g.writeStartObject();
                g.writeStringField("id", p.id());
                g.writeStringField("symbol", p.symbol());
                g.writeStringField("side", p.side() == null ? null : p.side().name());
                g.writeStringField("marginMode", p.marginMode() == null ? null : p.marginMode().name());
                number(g, "notional", p.notional());
                number(g, "unrealizedPnl", p.unrealizedPnl());
                number(g, "roe", p.roe());
                number(g, "initialMargin", p.initialMargin());
                number(g, "maintenanceMargin", p.maintenanceMargin());
                number(g, "maintenanceMarginRate", p.maintenanceMarginRate());
                g.writeNumberField("bracket", p.bracket());
                number(g, "liquidationPrice", p.liquidationPrice());
                number(g, "bankruptcyPrice", p.bankruptcyPrice());
                number(g, "distanceToLiquidation", p.distanceToLiquidation());
                number(g, "marginRatio", p.marginRatio());
                number(g, "adlScore", p.adlScore());
                g.writeNumberField("adlQuintile", p.adlQuintile());
                number(g, "fundingPerSettlement", p.fundingPerSettlement());
                number(g, "fundingOverHorizon", p.fundingOverHorizon());
                if (p.fillablePrice() != null) {
                    number(g, "fillablePrice", p.fillablePrice()); // DYDX positions only
                }
                if (explain) {
                    explanations(g, p.explanations(), POSITION_KEYS);
                }
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("markets");
            for (MarketRisk m : risk.markets()) {
                g.writeStartObject();
                g.writeStringField("symbol", m.symbol());
                number(g, "premium", m.premium());
                number(g, "fundingApr", m.fundingApr());
                number(g, "fundingApy", m.fundingApy());
                number(g, "basis", m.basis());
                number(g, "basisRate", m.basisRate());
                number(g, "annualizedBasis", m.annualizedBasis());
                g.writeEndObject();
            }
            g.writeEndArray();

            g.writeArrayFieldStart("warnings");
            for (String s : warnings) {
                g.writeString(s);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return w + "\n";
    }

    /** A number at full double precision; NaN, ±∞ and null are written as null. */
    private static void number(JsonGenerator g, String name, Double v) throws IOException {
        g.writeFieldName(name);
        number(g, v);
    }

    private static void number(JsonGenerator g, Double v) throws IOException {
        if (v == null || !Double.isFinite(v)) {
            g.writeNull();
        } else {
            g.writeNumber(v.doubleValue());
        }
    }

    /** Explanations keyed by output field, in output-key order first, then any others by name. */
    private static void explanations(JsonGenerator g, Map<String, Explanation> map, List<String> order)
            throws IOException {
        g.writeObjectFieldStart("explanations");
        if (map != null) {
            List<String> keys = new ArrayList<>();
            for (String k : order) {
                if (map.containsKey(k)) {
                    keys.add(k);
                }
            }
            map.keySet().stream().filter(k -> !keys.contains(k)).sorted().forEach(keys::add);
            for (String k : keys) {
                Explanation e = map.get(k);
                g.writeObjectFieldStart(k);
                g.writeStringField("quantity", e.quantity());
                g.writeStringField("formula", e.formula());
                g.writeArrayFieldStart("terms");
                for (Term t : e.terms()) {
                    g.writeStartObject();
                    g.writeStringField("symbol", t.symbol());
                    g.writeStringField("name", t.name());
                    number(g, "value", t.value());
                    g.writeStringField("unit", t.unit());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("substituted", e.substituted());
                number(g, "result", e.result());
                g.writeArrayFieldStart("notes");
                for (String n : e.notes()) {
                    g.writeString(n);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        g.writeEndObject();
    }
}
