package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.Position;
import com.perprisk.engine.probability.BarrierProbability;
import com.perprisk.engine.probability.MonteCarloLiquidation;
import com.perprisk.engine.risk.Quantity;

import java.io.InputStream;
import java.io.PrintStream;
import java.util.Set;

/**
 * {@code probability WORKSPACE --volatility V --horizon-hours H [--paths N] [--seed S] [--drift D]
 * [--correlation R] [--step-hours H] [--no-funding]}: for each position, the probability that the mark touches its
 * liquidation price within the horizon under GBM (dS = μ S dt + σ S dW, μ = 0 unless --drift): the closed-form barrier
 * probability and a Monte Carlo estimate with funding and cross-margin interaction, printed as
 * {@code {"positions": [{"id", "liquidationPrice", "probabilityClosedForm", "probabilityMonteCarlo",
 * "standardError"}]}}.
 */
public final class ProbabilityCommand {
    static final String USAGE_LINE = "usage: perprisk probability WORKSPACE.json --volatility V --horizon-hours H"
            + " [--paths N] [--seed S] [--drift D] [--correlation R] [--step-hours H] [--no-funding]";
    private static final Set<String> VALUED = Set.of("volatility", "horizon-hours", "paths", "seed", "drift",
            "correlation", "step-hours");
    static final long DEFAULT_PATHS = 10_000;

    private ProbabilityCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, System.in, out, err);
    }

    static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return HeadlessSupport.guarded("probability", USAGE_LINE, err, () -> {
            HeadlessSupport.Args a = HeadlessSupport.parse("probability", args, VALUED, Set.of("no-funding"));
            if (a == null) {
                out.println(USAGE_LINE);
                return Cli.OK;
            }
            double vol = a.required("volatility");
            double hours = a.required("horizon-hours");
            long paths = a.integer("paths", DEFAULT_PATHS);
            if (paths < 1 || paths > 10_000_000) {
                throw new HeadlessSupport.UsageException("--paths must be between 1 and 10000000, got " + paths);
            }
            long seed = a.integer("seed", 1L);
            double drift = a.number("drift", 0.0);
            HeadlessSupport.Loaded w = HeadlessSupport.load(a.file(), in, err);
            var settings = new MonteCarloLiquidation.Settings(vol, java.util.Map.of(), drift,
                    a.number("correlation", 0.0), null, hours, a.number("step-hours", 1.0), (int) paths, seed,
                    !a.has("no-funding"));
            MonteCarloLiquidation.Result mc = MonteCarloLiquidation.run(w.portfolio(), settings);
            double years = BarrierProbability.years(hours);
            ObjectNode root = HeadlessSupport.JSON.createObjectNode();
            ArrayNode positions = root.putArray("positions");
            boolean inverse = com.perprisk.engine.inverse.Reciprocal.hasInverse(w.portfolio());
            for (Position p : w.portfolio().positions()) {
                MonteCarloLiquidation.PositionProbability pp = mc.position(p.id());
                double spot = w.portfolio().requireMarket(p.symbol()).markPrice();
                ObjectNode o = positions.addObject();
                o.put("id", p.id());
                if (inverse) {
                    o.put("marginAsset", w.portfolio().requireMarket(p.symbol()).marginAsset());
                }
                HeadlessSupport.put(o, Quantity.LIQUIDATION_PRICE.key(), pp.liquidationPrice());
                HeadlessSupport.put(o, "probabilityClosedForm", BarrierProbability.touch(p.side(), spot,
                        pp.liquidationPrice(), vol, drift, years));
                HeadlessSupport.put(o, "probabilityMonteCarlo", pp.probability());
                HeadlessSupport.put(o, "standardError", pp.standardError());
            }
            root.put("paths", mc.paths());
            root.put("steps", mc.steps());
            HeadlessSupport.print(out, root);
            return Cli.OK;
        });
    }
}
