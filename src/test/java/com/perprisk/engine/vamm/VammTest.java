package com.perprisk.engine.vamm;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.vamm.Vamm.Kind;
import com.perprisk.engine.vamm.Vamm.Trade;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Perpetual Protocol v1's AmmSpec cases: reserves 1,000 quote and 100 base. */
class VammTest {
    private static final Vamm AMM = new Vamm(1000, 100, 0, 0);

    private static double amount(Vamm amm, Kind kind, double x) {
        Vamm.Result r = amm.trade(new Trade(kind, x));
        return kind == Kind.QUOTE_IN || kind == Kind.QUOTE_OUT ? r.baseAmount() : r.quoteAmount();
    }

    @Test
    void getInputAndOutputPriceAsAmmSpec() {
        // getInputPrice(ADD, 50) = 4761904761904761904 wei
        assertEquals(4.761904761904761904, amount(AMM, Kind.QUOTE_IN, 50), 1e-15);
        // getInputPrice(REMOVE, 50) = 5263157894736842106 wei
        assertEquals(5.263157894736842106, amount(AMM, Kind.QUOTE_OUT, 50), 1e-15);
        // getOutputPrice(ADD, 5) = 47619047619047619047 wei
        assertEquals(47.619047619047619047, amount(AMM, Kind.BASE_IN, 5), 1e-13);
        assertEquals(200, amount(AMM, Kind.BASE_IN, 25), 0.0);
        // getOutputPrice(REMOVE, 5) = 52631578947368421053 wei
        assertEquals(52.631578947368421053, amount(AMM, Kind.BASE_OUT, 5), 1e-13);
        assertEquals(600, amount(AMM, Kind.BASE_OUT, 37.5), 0.0);
    }

    @Test
    void swapsMoveTheReservesAsAmmSpec() {
        Vamm.Result longQ = AMM.trade(new Trade(Kind.QUOTE_IN, 600));
        assertEquals(37.5, longQ.baseAmount(), 0.0);
        assertEquals(1600, longQ.quoteReserveAfter(), 0.0);
        assertEquals(62.5, longQ.baseReserveAfter(), 0.0);
        assertEquals(16, longQ.averagePrice(), 0.0);
        assertEquals(25.6, longQ.priceAfter(), 1e-12);
        Vamm.Result shortQ = AMM.trade(new Trade(Kind.QUOTE_OUT, 600));
        assertEquals(150, shortQ.baseAmount(), 0.0);
        assertEquals(400, shortQ.quoteReserveAfter(), 0.0);
        assertEquals(250, shortQ.baseReserveAfter(), 0.0);
        Vamm.Result shortB = AMM.trade(new Trade(Kind.BASE_IN, 150));
        assertEquals(600, shortB.quoteAmount(), 0.0);
        assertEquals(400, shortB.quoteReserveAfter(), 0.0);
        Vamm.Result longB = AMM.trade(new Trade(Kind.BASE_OUT, 50));
        assertEquals(1000, longB.quoteAmount(), 0.0);
        assertEquals(2000, longB.quoteReserveAfter(), 0.0);
        assertEquals(50, longB.baseReserveAfter(), 0.0);
    }

    @Test
    void shortThenLongAsAmmSpec() {
        List<Vamm.Result> rs = AMM.trades(List.of(new Trade(Kind.QUOTE_OUT, 480), new Trade(Kind.QUOTE_IN, 960)));
        assertEquals(92.307692307692307693, rs.get(0).baseAmount(), 1e-13);
        assertEquals(520, rs.get(0).quoteReserveAfter(), 0.0);
        assertEquals(192.307692307692307693, rs.get(0).baseReserveAfter(), 1e-12);
        assertEquals(124.740124740124740125, rs.get(1).baseAmount(), 1e-12);
        assertEquals(1480, rs.get(1).quoteReserveAfter(), 0.0);
        assertEquals(67.567567567567567568, rs.get(1).baseReserveAfter(), 1e-12);
    }

    @Test
    void shortLongShortReturnsToTheStartAsAmmSpec() {
        List<Vamm.Result> rs = AMM.trades(List.of(new Trade(Kind.QUOTE_OUT, 200), new Trade(Kind.QUOTE_IN, 450),
                new Trade(Kind.QUOTE_OUT, 250)));
        assertEquals(800, rs.get(0).quoteReserveAfter(), 0.0);
        assertEquals(125, rs.get(0).baseReserveAfter(), 0.0);
        assertEquals(1250, rs.get(1).quoteReserveAfter(), 0.0);
        assertEquals(80, rs.get(1).baseReserveAfter(), 0.0);
        assertEquals(1000, rs.get(2).quoteReserveAfter(), 0.0);
        assertEquals(100, rs.get(2).baseReserveAfter(), 0.0);
    }

    @Test
    void tollAndSpreadOnTheQuoteAmountAsCalcFee() {
        Vamm amm = new Vamm(1000, 100, 0.1, 0.05);
        Vamm.Result r = amm.trade(new Trade(Kind.BASE_OUT, 37.5)); // quote 600
        assertEquals(60, r.toll(), 1e-12);
        assertEquals(30, r.spread(), 1e-12);
    }

    @Test
    void perpetualProtocolFundingFromTheTwapPremium() {
        // (10.2 − 10) × 1 h / 24 h / 10
        assertEquals(0.2 / 24 / 10, Vamm.fundingRate(10.2, 10, 1), 1e-15);
    }

    @Test
    void impossibleTradesAreRefused() {
        assertThrows(EngineException.class, () -> AMM.trade(new Trade(Kind.QUOTE_OUT, 1000)));
        assertThrows(EngineException.class, () -> AMM.trade(new Trade(Kind.BASE_OUT, 100)));
        assertThrows(EngineException.class, () -> new Trade(Kind.QUOTE_IN, 0));
        assertThrows(EngineException.class, () -> new Vamm(0, 100, 0, 0));
    }

    @Test
    void aTradeAndItsReverseReturnTheReservesAndKeepK() {
        for (int seed = 0; seed < 500; seed++) {
            Random rnd = new Random(seed);
            Vamm amm = new Vamm(1 + rnd.nextDouble() * 1e7, 1 + rnd.nextDouble() * 1e5, 0, 0);
            boolean byQuote = rnd.nextBoolean();
            boolean isLong = rnd.nextBoolean();
            double share = 0.001 + rnd.nextDouble() * 0.5;
            Vamm.Result there;
            Vamm.Result back;
            if (byQuote) {
                double q = amm.quoteReserve() * share;
                there = amm.trade(new Trade(isLong ? Kind.QUOTE_IN : Kind.QUOTE_OUT, q));
                back = there.after().trade(new Trade(isLong ? Kind.QUOTE_OUT : Kind.QUOTE_IN, q));
            } else {
                double b = amm.baseReserve() * share;
                there = amm.trade(new Trade(isLong ? Kind.BASE_OUT : Kind.BASE_IN, b));
                back = there.after().trade(new Trade(isLong ? Kind.BASE_IN : Kind.BASE_OUT, b));
            }
            double k = amm.k();
            assertEquals(k, there.after().k(), k * 1e-12, "k after the trade, seed " + seed);
            assertEquals(amm.quoteReserve(), back.quoteReserveAfter(), amm.quoteReserve() * 1e-12, "seed " + seed);
            assertEquals(amm.baseReserve(), back.baseReserveAfter(), amm.baseReserve() * 1e-12, "seed " + seed);
            assertTrue(isLong ? there.priceAfter() > amm.price() : there.priceAfter() < amm.price(), "seed " + seed);
        }
    }

    /** Drift's peg multiplier: price = peg × Q / B; a quote amount moves Q by amount / peg; k is untouched. */
    @Test
    void drifsPegScalesThePriceAndTheQuoteAmounts() {
        Vamm pegged = new Vamm(1000, 1000, 0, 0, 2);
        assertEquals(2, pegged.price(), 0);
        // 100 of quote moves Q by 50: base out = 1000 − 10⁶ / 1050
        Vamm.Result r = pegged.trade(new Trade(Kind.QUOTE_IN, 100));
        double base = 1000 - 1e6 / 1050;
        assertEquals(base, r.baseAmount(), 1e-12);
        assertEquals(100, r.quoteAmount(), 1e-12);
        assertEquals(100 / base, r.averagePrice(), 1e-9);
        assertEquals(1050, r.quoteReserveAfter(), 1e-12);
        assertEquals(2 * 1050 / (1e6 / 1050), r.priceAfter(), 1e-9);
        assertEquals(1e6, r.after().k(), 1e-6);
        assertEquals(2, r.after().pegMultiplier(), 0);
        // selling that base back returns 100 of quote (2 × the 50 the reserve gives back) and the reserves
        Vamm.Result back = r.after().trade(new Trade(Kind.BASE_IN, r.baseAmount()));
        assertEquals(100, back.quoteAmount(), 1e-9);
        assertEquals(1000, back.quoteReserveAfter(), 1e-9);
        // the same trade at peg p is the peg-1 trade of q / p, its quote scaled by p
        Random rnd = new Random(5);
        for (int i = 0; i < 200; i++) {
            double q = 1 + rnd.nextDouble() * 1e6;
            double b = 1 + rnd.nextDouble() * 1e4;
            double peg = 0.01 + rnd.nextDouble() * 100;
            double amount = q * peg * rnd.nextDouble() * 0.5 + 1e-3;
            Vamm.Result withPeg = new Vamm(q, b, 0, 0, peg).trade(new Trade(Kind.QUOTE_IN, amount));
            Vamm.Result plain = new Vamm(q, b, 0, 0).trade(new Trade(Kind.QUOTE_IN, amount / peg));
            assertEquals(plain.baseAmount(), withPeg.baseAmount(), plain.baseAmount() * 1e-9 + 1e-12);
            assertEquals(plain.priceAfter() * peg, withPeg.priceAfter(), withPeg.priceAfter() * 1e-9);
        }
        assertTrue(pegged.explain(new Trade(Kind.QUOTE_IN, 100)).formula().contains("q / peg"));
        assertEquals("base out = B − k / (Q + q)", AMM.explain(new Trade(Kind.QUOTE_IN, 100)).formula());
        assertThrows(EngineException.class, () -> new Vamm(1000, 100, 0, 0, 0));
    }
}
