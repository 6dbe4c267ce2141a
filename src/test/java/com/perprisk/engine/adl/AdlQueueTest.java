package com.perprisk.engine.adl;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.simulation.Population;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AdlQueueTest {
    private static final TierTable FLAT = TierTable.single(100, 0.005);

    private static Market market(String symbol, double mark) {
        return Market.simple(symbol, Convention.BINANCE, mark, FLAT);
    }

    private static Portfolio portfolio(List<Market> markets, Position... positions) {
        return new Portfolio(new Account(100_000, PositionMode.HEDGE), markets, List.of(positions), 720);
    }

    @Test
    void aLoneLosingPositionIsAtTheBackAndLightsNothing() {
        // the defect: ranked only against itself, a lone losing long showed 5 of 5 lights
        Portfolio p = portfolio(List.of(market("BTCUSDT", 90_000)),
                Position.cross("mine", "BTCUSDT", Side.LONG, 1, 95_000, 10));
        AdlQueue.Standing st = AdlQueue.rank(p, List.of()).get("mine");
        assertFalse(st.inLine());
        assertEquals(0, st.lights());
        assertEquals(1, st.queueSize());
        assertEquals(1, st.place());
        assertTrue(st.score() < 0, "the score itself is still shown: " + st.score());
    }

    @Test
    void breakEvenIsNotInLineEither() {
        Portfolio p = portfolio(List.of(market("BTCUSDT", 60_000)),
                Position.cross("flat", "BTCUSDT", Side.SHORT, 1, 60_000, 10));
        assertEquals(0, AdlQueue.rank(p, List.of()).get("flat").lights());
    }

    @Test
    void lightsCountTheNotionalAheadInTheSameContractAndSide() {
        // mine: long 1 @ 50,000, mark 60,000, 10x; four traders with the same size and more profit (entry 40,000)
        // rank ahead: notional ahead 4 × 60,000 of 5 × 60,000 → 5 − floor(5 × 0.8) = 1 light, 5th of 5
        Market btc = market("BTCUSDT", 60_000);
        Portfolio p = portfolio(List.of(btc, market("ETHUSDT", 3_000)),
                Position.cross("mine", "BTCUSDT", Side.LONG, 1, 50_000, 10));
        List<Position> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(Position.isolated("a" + i, "BTCUSDT", Side.LONG, 1, 40_000, 10));
        }
        // other contracts and the other side are other queues: they change nothing
        others.add(Position.isolated("eth", "ETHUSDT", Side.LONG, 1_000, 1_000, 50));
        others.add(Position.isolated("short", "BTCUSDT", Side.SHORT, 100, 30_000, 50));
        AdlQueue.Standing st = AdlQueue.rank(p, others).get("mine");
        assertTrue(st.inLine());
        assertEquals(5, st.place());
        assertEquals(5, st.queueSize());
        assertEquals(1, st.lights());

        // one trader ahead, of two equal notionals: 5 − floor(5 × 0.5) = 3 lights
        AdlQueue.Standing second = AdlQueue.rank(p, others.subList(0, 1).stream().toList()).get("mine");
        assertEquals(2, second.place());
        assertEquals(5 - (int) Math.floor(5 * 0.5), second.lights(), "1 of 2 equal notionals ahead");
        // losers behind do not push it back
        List<Position> losers = List.of(Position.isolated("l1", "BTCUSDT", Side.LONG, 3, 70_000, 10));
        AdlQueue.Standing first = AdlQueue.rank(p, losers).get("mine");
        assertEquals(1, first.place());
        assertEquals(5, first.lights());
    }

    @Test
    void noLosingPositionEverLightsAnythingWhateverThePopulation() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int trial = 0; trial < 200; trial++) {
            double mark = 1_000 + rng.nextDouble() * 100_000;
            Market m = market("X", mark);
            double entry = mark * (0.5 + rng.nextDouble());
            Side side = rng.nextBoolean() ? Side.LONG : Side.SHORT;
            Portfolio p = portfolio(List.of(m), Position.cross("me", "X", side, 0.1 + rng.nextDouble() * 10, entry,
                    1 + rng.nextDouble() * 50));
            Population pop = Population.generate(p, rng.nextLong(), rng.nextInt(0, 60));
            Map<String, AdlQueue.Standing> st = AdlQueue.rank(p, pop.positions());
            AdlQueue.Standing me = st.get("me");
            boolean profitable = p.positions().get(0).unrealizedPnl(mark) > 0;
            assertEquals(profitable, me.inLine());
            if (!profitable) {
                assertEquals(0, me.lights(), "trial " + trial);
            } else {
                assertTrue(me.lights() >= 1 && me.lights() <= 5);
            }
            assertTrue(me.place() >= 1 && me.place() <= me.queueSize());
        }
    }

    @Test
    void aMarketWithoutPositionsHasNoStanding() {
        Portfolio p = portfolio(List.of(market("BTCUSDT", 60_000)));
        assertTrue(AdlQueue.rank(p, List.of()).isEmpty());
        assertNull(AdlQueue.rank(p, List.of()).get("x"));
    }
}
