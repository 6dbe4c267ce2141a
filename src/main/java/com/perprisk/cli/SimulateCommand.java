package com.perprisk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.engine.simulation.PricePath;
import com.perprisk.io.PricePathCsv;
import com.perprisk.io.SimulationWorkspace;
import com.perprisk.engine.simulation.Simulation;
import com.perprisk.engine.simulation.Ledger;
import com.perprisk.io.FieldProblem;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code simulate WORKSPACE --seed N --steps K --volatility V [--drift D] [--step-hours H] [--correlation R]
 * [--slippage S] [--liquidation-fee F]}, or {@code simulate WORKSPACE --path PRICES.csv}: plays the workspace along a
 * seeded GBM path (or a CSV path) and prints {@code {"events": [...], "final": <calc output at the end>,
 * "insuranceFund": X, "ledger": {...}}}. The workspace's optional {@code insuranceFund} and {@code counterparties}
 * fields set up the fund and the ADL counterparties. The events are written as the run produces them (memory does
 * not grow with them); a generated path of more than {@link Simulation#MAX_PATH_VALUES} market-points (markets ×
 * (steps + 1)) is refused at once with one line, exit 1.
 */
public final class SimulateCommand {
    static final String USAGE_LINE = "usage: perprisk simulate WORKSPACE.json --seed N --steps K --volatility V"
            + " [--drift D] [--step-hours H] [--correlation R] [--slippage S] [--liquidation-fee F]"
            + " | --path PRICES.csv";
    private static final Set<String> VALUED = Set.of("seed", "steps", "volatility", "drift", "step-hours",
            "correlation", "slippage", "liquidation-fee", "path");

    private SimulateCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return HeadlessSupport.guarded("simulate", USAGE_LINE, err, () -> {
            HeadlessSupport.Args a = HeadlessSupport.parse("simulate", args, VALUED, Set.of());
            if (a == null) {
                out.println(USAGE_LINE);
                return Cli.OK;
            }
            String csvFile = a.options().get("path");
            long seed = 0;
            int steps = 0;
            double vol = 0;
            if (csvFile == null) {
                seed = required(a, "seed");
                long k = required(a, "steps");
                if (k < 1 || k > 1_000_000) {
                    throw new HeadlessSupport.UsageException("--steps must be between 1 and 1000000, got " + k);
                }
                steps = (int) k;
                vol = a.required("volatility");
            } else {
                for (String o : new String[]{"seed", "steps", "volatility", "drift", "step-hours", "correlation"}) {
                    if (a.has(o)) {
                        throw new HeadlessSupport.UsageException("--" + o + " is for a generated path; --path gives"
                                + " the prices");
                    }
                }
            }
            HeadlessSupport.Loaded w = HeadlessSupport.load(a.file(), in, err);
            SimulationWorkspace.Extension ext = SimulationWorkspace.read(w.document().extra(), w.portfolio());
            for (FieldProblem p : ext.problems()) {
                err.println(p.isError() ? p.toString() : "warning: " + p);
            }
            if (ext.hasErrors()) {
                return Cli.INVALID;
            }
            PricePath path;
            if (csvFile == null) {
                Map<String, Double> start = new LinkedHashMap<>();
                for (Market m : w.portfolio().markets()) {
                    start.put(m.symbol(), m.markPrice());
                }
                if (start.isEmpty()) {
                    err.println("error: the workspace has no markets to simulate");
                    return Cli.INVALID;
                }
                // refused at once, before any memory is taken: markets × points above the documented limit
                Simulation.checkPathSize(start.size(), steps + 1L);
                path = PricePath.gbm(start, new PricePath.GbmSpec(vol, a.number("drift", 0.0),
                        a.number("step-hours", 1.0), steps, seed, a.number("correlation", 0.0)));
            } else {
                String text;
                try {
                    text = Files.readString(Path.of(csvFile), StandardCharsets.UTF_8);
                } catch (NoSuchFileException e) {
                    err.println("error: file not found: " + csvFile);
                    return Cli.UNREADABLE;
                } catch (IOException | InvalidPathException e) {
                    err.println("error: cannot read " + csvFile + ": " + Cli.describe(e));
                    return Cli.UNREADABLE;
                }
                try {
                    path = PricePathCsv.parse(text);
                } catch (PricePathCsv.CsvException e) {
                    for (PricePathCsv.LineError le : e.errors()) {
                        err.println(csvFile + ": " + le);
                    }
                    return Cli.INVALID;
                }
            }
            Simulation.Settings settings = new Simulation.Settings(ext.insuranceFund(), ext.counterparties(),
                    a.number("slippage", 0.0), a.number("liquidation-fee", 0.0))
                    .withCoinFunds(ext.coinInsuranceFunds()); // each coin pool's fund, in the coin
            // the events are written as they happen, so memory does not grow with them
            // with inverse contracts every event names the asset of its amounts
            boolean inverse = Reciprocal.hasInverse(w.portfolio());
            Map<String, Market> markets = w.portfolio().marketsBySymbol();
            String quote = w.portfolio().markets().stream().filter(m -> !m.isInverse()).map(Market::marginAsset)
                    .findFirst().orElse(null);
            try (JsonGenerator g = HeadlessSupport.generator(out)) {
                g.writeStartObject();
                g.writeFieldName("events");
                g.writeStartArray();
                Simulation.Result r = Simulation.stream(w.portfolio(), path, settings, e -> {
                    try {
                        g.writeTree(SimulationJson.event(e, inverse ? SimulationJson.assetOf(e, markets, quote)
                                : null));
                    } catch (IOException x) {
                        throw new UncheckedIOException(x);
                    }
                }, null);
                g.writeEndArray();
                g.writeFieldName("final");
                g.writeTree(HeadlessSupport.calcOutput(r.finalPortfolio(), w.warnings()));
                ObjectNode tail = HeadlessSupport.JSON.createObjectNode();
                HeadlessSupport.put(tail, "insuranceFund", r.insuranceFund());
                ledger(tail.putObject("ledger"), r.ledger());
                if (!r.coins().isEmpty()) {
                    // each settle coin's pool: its fund and ledger, in the coin
                    ObjectNode coins = tail.putObject("coinPools");
                    for (Map.Entry<String, Simulation.CoinBook> e : r.coins().entrySet()) {
                        ObjectNode c = coins.putObject(e.getKey());
                        HeadlessSupport.put(c, "insuranceFund", e.getValue().insuranceFund());
                        ledger(c.putObject("ledger"), e.getValue().ledger());
                    }
                }
                ArrayNode cps = tail.putArray("counterparties");
                for (Position p : r.counterparties().positions()) {
                    ObjectNode o = cps.addObject();
                    o.put("id", p.id());
                    o.put("symbol", p.symbol());
                    o.put("side", p.side().name());
                    HeadlessSupport.put(o, "size", p.size());
                    HeadlessSupport.put(o, "entryPrice", p.entryPrice());
                }
                var fields = tail.fields();
                while (fields.hasNext()) {
                    var f = fields.next();
                    g.writeFieldName(f.getKey());
                    g.writeTree(f.getValue());
                }
                g.writeEndObject();
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.print("\n");
            return Cli.OK;
        });
    }

    private static long required(HeadlessSupport.Args a, String name) throws HeadlessSupport.UsageException {
        Long v = a.integer(name, null);
        if (v == null) {
            throw new HeadlessSupport.UsageException("missing --" + name);
        }
        return v;
    }

    /** Where a pool's losses went over the run (the linear pool's in the quote asset, a coin pool's in its coin). */
    private static void ledger(ObjectNode out, Ledger l) {
        HeadlessSupport.put(out, "traderLoss", l.traderLoss());
        HeadlessSupport.put(out, "fundChange", l.fundChange());
        HeadlessSupport.put(out, "fees", l.fees());
        HeadlessSupport.put(out, "adlCollected", l.adlCollected());
        HeadlessSupport.put(out, "uncoveredLoss", l.uncoveredLoss());
        HeadlessSupport.put(out, "fundingToTrader", l.fundingToTrader());
    }
}
