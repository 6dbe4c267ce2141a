package com.perprisk.bench;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.probability.MonteCarloLiquidation;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue 5's benchmark: 100,000 Monte Carlo paths of 720 hourly steps for one position (an isolated 10x BTC long on
 * Binance's 12-bracket table, funding 0.01% per 8 h settled into its margin), on every core the common pool has.
 * Not run by Surefire. After {@code mvn test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test}:
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) com.perprisk.bench.MonteCarloBenchmark}
 * (optional arguments: paths, steps, repetitions, leverage). A path stops at its liquidation: at 10x about 70% of the
 * paths stop early; at 2x almost none do, which is the worst case.
 */
public final class MonteCarloBenchmark {
    private MonteCarloBenchmark() {
    }

    public static void main(String[] args) {
        int paths = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 720;
        int reps = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        double leverage = args.length > 3 ? Double.parseDouble(args[3]) : 10;
        Portfolio portfolio = portfolio(leverage);
        var settings = MonteCarloLiquidation.Settings.of(0.8, steps, paths, 42);
        // warm-up: let the JIT compile the inner loop
        for (int i = 0; i < 3; i++) {
            MonteCarloLiquidation.run(portfolio, MonteCarloLiquidation.Settings.of(0.8, steps, 20_000, i));
        }
        System.out.printf("cores: %d, paths: %d, steps: %d%n", Runtime.getRuntime().availableProcessors(), paths,
                steps);
        double best = Double.MAX_VALUE;
        double total = 0;
        MonteCarloLiquidation.Result r = null;
        for (int i = 0; i < reps; i++) {
            long t0 = System.nanoTime();
            r = MonteCarloLiquidation.run(portfolio, settings);
            double s = (System.nanoTime() - t0) / 1e9;
            best = Math.min(best, s);
            total += s;
            System.out.printf("run %d: %.3f s, %.0f paths/s%n", i + 1, s, paths / s);
        }
        var p = r.position("p");
        System.out.printf("best %.3f s (%.0f paths/s), mean %.3f s; p = %.4f ± %.4f (LP %.2f)%n", best, paths / best,
                total / reps, p.probability(), p.standardError(), p.liquidationPrice());
    }

    static Portfolio portfolio(double leverage) {
        double[] floors = {0, 50e3, 600e3, 3e6, 12e6, 70e6, 100e6, 230e6, 480e6, 600e6, 800e6, 1200e6, 1800e6};
        double[] lev = {125, 100, 75, 50, 25, 20, 10, 5, 4, 3, 2, 1};
        double[] mmr = {0.004, 0.005, 0.0065, 0.01, 0.02, 0.025, 0.05, 0.10, 0.125, 0.15, 0.25, 0.50};
        List<TierSpec> specs = new ArrayList<>();
        for (int i = 0; i < lev.length; i++) {
            specs.add(TierSpec.derived(floors[i], floors[i + 1], lev[i], mmr[i]));
        }
        TierTable t = TierTable.resolve(Convention.BINANCE, specs);
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0.0005, t, null,
                new FundingTerms(0.0001, 8), null);
        Position p = Position.isolated("p", "BTCUSDT", Side.LONG, 1, 60_000, leverage);
        return new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
    }
}
