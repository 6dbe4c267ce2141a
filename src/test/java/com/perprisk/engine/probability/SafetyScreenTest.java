package com.perprisk.engine.probability;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Monte Carlo's safety screen for pools of several legs (a lower bound of the surplus that spares pricing every
 * leg at every step) never changes a hit: on seeded random cross portfolios, from comfortable to nearly liquidated,
 * every convention, maintenance amounts on and off the recursion, hedged and not, the hits of every pool are the
 * same with the screen as without it.
 */
class SafetyScreenTest {
    private static final Convention[] CONVENTIONS = {Convention.BINANCE, Convention.BYBIT, Convention.OKX,
            Convention.HYPERLIQUID};

    static LongStream seeds() {
        return LongStream.range(1, 61);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameHitsWithAndWithoutTheScreen(long seed) {
        Random r = new Random(seed);
        Portfolio pf = portfolio(r);
        var settings = MonteCarloLiquidation.Settings.of(0.3 + r.nextDouble() * 1.5, 24 + r.nextInt(400), 64, seed);
        MonteCarloModel screened = MonteCarloModel.build(pf, settings);
        MonteCarloModel plain = MonteCarloModel.build(pf, settings);
        plain.screen = false;
        long[] withScreen = screened.runChunk(new SplittableRandom(seed), 64, () -> false);
        long[] without = plain.runChunk(new SplittableRandom(seed), 64, () -> false);
        assertArrayEquals(without, withScreen, "seed " + seed);
    }

    /** The screen is tested where it has work to do: somewhere in the seeds a cross pool is liquidated and one is not. */
    @org.junit.jupiter.api.Test
    void theSeedsCoverLiquidatedAndSurvivingPools() {
        long some = 0;
        long none = 0;
        for (long seed : seeds().toArray()) {
            Random r = new Random(seed);
            Portfolio pf = portfolio(r);
            var settings = MonteCarloLiquidation.Settings.of(0.3 + r.nextDouble() * 1.5, 24 + r.nextInt(400), 64, seed);
            MonteCarloModel m = MonteCarloModel.build(pf, settings);
            long[] hits = m.runChunk(new SplittableRandom(seed), 64, () -> false);
            long cross = hits[m.poolOfPosition[0]];
            some += cross > 0 && cross < 64 ? 1 : 0;
            none += cross == 0 ? 1 : 0;
        }
        assertTrue(some > 5 && none > 5, "partly liquidated pools " + some + ", never liquidated " + none);
    }

    static Portfolio portfolio(Random r) {
        int n = 2 + r.nextInt(12);
        List<Market> markets = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        double notional = 0;
        for (int i = 0; i < n; i++) {
            Convention c = CONVENTIONS[r.nextInt(CONVENTIONS.length)];
            double mark = 1 + r.nextDouble() * 50_000;
            markets.add(new Market("M" + i, c, mark, mark, 0.0005, table(r, c), null,
                    new FundingTerms(0.0001 * (r.nextDouble() - 0.3) * 10, 1 + r.nextInt(8)), null));
            double q = (1e3 + r.nextDouble() * (r.nextBoolean() ? 3e5 : 5e7)) / mark;
            notional += q * mark;
            int legs = r.nextInt(4) == 0 ? 2 : 1;
            for (int l = 0; l < legs; l++) {
                Side side = legs == 2 ? (l == 0 ? Side.LONG : Side.SHORT) : (r.nextBoolean() ? Side.LONG : Side.SHORT);
                positions.add(Position.cross("p" + i + "_" + l, "M" + i, side, q * (0.5 + r.nextDouble()),
                        mark * (0.9 + 0.2 * r.nextDouble()), 10));
            }
        }
        // from a thin cushion to a comfortable one
        double wallet = notional * (0.01 + r.nextDouble() * 0.3);
        return new Portfolio(new Account(wallet, PositionMode.HEDGE), markets, positions, 720);
    }

    private static TierTable table(Random r, Convention c) {
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        double lev = 100;
        double mmr = 0.004;
        int brackets = 1 + r.nextInt(12);
        boolean offRecursion = r.nextInt(3) == 0;
        double recursion = 0;
        double previous = mmr;
        for (int i = 0; i < brackets; i++) {
            double cap = i == brackets - 1 ? Double.POSITIVE_INFINITY : floor + 5e4 + r.nextDouble() * 5e6;
            double rate = c == Convention.HYPERLIQUID ? 1 / (2 * lev) : mmr;
            // cum_k = cum_{k−1} + floor_k × (MMR_k − MMR_{k−1})
            recursion += floor * (rate - previous);
            Double given = null;
            if (offRecursion && c != Convention.OKX) {
                // an amount below the recursion's, so MM jumps up at the floor (still ≥ 0: a warning, not an error)
                given = recursion * (0.5 + 0.5 * r.nextDouble());
            }
            specs.add(new TierSpec(floor, cap, lev, c == Convention.HYPERLIQUID ? null : mmr, given));
            previous = rate;
            floor = cap;
            lev = Math.max(1, Math.floor(lev / 1.5));
            mmr = Math.min(mmr * (1.2 + r.nextDouble()), 0.9 / lev);
        }
        return TierTable.resolve(c, specs);
    }
}
