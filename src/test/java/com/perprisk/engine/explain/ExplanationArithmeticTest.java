package com.perprisk.engine.explain;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.ContractType;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DatedFuture;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The product's promise: every working's substituted arithmetic, evaluated, gives the number it explains. Over
 * seeded random portfolios under every convention (isolated and cross, one-way and hedge, extra margin, several
 * markets, funding, dated futures), each position's and the account's workings are evaluated with {@link Arithmetic}
 * and compared with the figure the report shows, within the error bound that the 10-digit rounding of the
 * substituted numbers allows (scaled to the magnitudes in the formula).
 */
class ExplanationArithmeticTest {
    private static final int SEEDS = 250;

    @ParameterizedTest
    @EnumSource(Convention.class)
    void everyWorkingEvaluatesToTheFigureItExplains(Convention convention) {
        checkAll(convention);
    }

    /** Markets of different venues in one cross pool: each leg's requirement under its own convention. */
    @Test
    void everyWorkingHoldsWhenVenuesShareACrossPool() {
        checkAll(null);
    }

    private static void checkAll(Convention convention) {
        Map<ExplainKey, Integer> checked = new EnumMap<>(ExplainKey.class);
        for (long seed = 1; seed <= SEEDS; seed++) {
            Portfolio pf = portfolio(new Random(seed * 31 + (convention == null ? 7 : convention.ordinal())),
                    convention);
            PortfolioRisk risk = RiskEngine.evaluate(pf, true);
            for (PositionRisk p : risk.positions()) {
                for (var e : p.explanations().entrySet()) {
                    Quantity q = Quantity.withWorking(e.getKey());
                    check(e.getValue(), (Double) toDouble(q.of(p)), convention, seed, p.id() + "." + q.key());
                    checked.merge(e.getKey(), 1, Integer::sum);
                }
            }
            for (var e : risk.accountExplanations().entrySet()) {
                Quantity q = accountFigure(e.getKey());
                check(e.getValue(), toDouble(q.of(risk.account())), convention, seed, "account." + q.key());
                checked.merge(e.getKey(), 1, Integer::sum);
            }
        }
        for (ExplainKey k : ExplainKey.values()) {
            if (k == ExplainKey.FILLABLE_PRICE && convention != null && convention != Convention.DYDX) {
                // dYdX's fillable price exists only for DYDX positions
                assertEquals(0, checked.getOrDefault(k, 0), convention + " has a fillable price");
                continue;
            }
            assertTrue(checked.getOrDefault(k, 0) > 50, convention + ": " + k + " checked only " + checked.get(k)
                    + " times");
        }
    }

    /**
     * A tier table whose maintenance amounts disagree with the recursion (0 everywhere: accepted with a warning)
     * makes the requirement jump at a floor. A short 1 at 90,000 with 13,000 margin: just below 100,000 the surplus is
     * 13,000 − 10,000 − 1,000 > 0, just above it 13,000 − 10,000 − 5,000 < 0, so it is liquidated at the floor's price
     * 100,000 itself. The working used to show the segment's line, whose root (98,095.24) lies outside the segment.
     */
    @Test
    void aLiquidationAtABracketFloorShowsTheFloorsArithmetic() {
        TierTable table = TierTable.resolve(Convention.BINANCE, List.of(
                new TierSpec(0, 100_000, 50, 0.01, 0.0), new TierSpec(100_000, Double.POSITIVE_INFINITY, 10, 0.05, 0.0)));
        Market m = new Market("BTCUSDT", Convention.BINANCE, 90_000, 90_000, 0, table, null, null, null);
        Position p = Position.isolated("s", "BTCUSDT", Side.SHORT, 1, 90_000, 90_000 / 13_000.0);
        Portfolio pf = new Portfolio(new Account(0, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
        PositionRisk r = RiskEngine.evaluate(pf, true).positions().get(0);
        assertEquals(100_000, r.liquidationPrice(), 1e-6);
        Explanation lp = r.explanations().get(ExplainKey.LIQUIDATION_PRICE);
        check(lp, r.liquidationPrice(), Convention.BINANCE, 0, "s.liquidationPrice");
        assertTrue(String.join(" ", lp.notes()).contains("bracket floor"), lp.notes().toString());
    }

    @Test
    void theEvaluatorReadsWhatTheEngineWrites() {
        assertEquals(-4.0, Arithmetic.rightHandSide("x = −(−2) × (−2)").value(), 0);
        assertEquals(7.5, Arithmetic.rightHandSide("a = max(0, 10 + (−2.5) − 0)").value(), 0);
        assertEquals(0.25, Arithmetic.rightHandSide("s = (1 / max(1, 0.5)) / (8 / 2)").value(), 0);
        assertEquals(-6, Arithmetic.rightHandSide("uPnL = -1 × 2 × (5 − 2)").value(), 0);
        assertEquals(2, Arithmetic.rightHandSide("BP = (4) / (2)").value(), 0);
        // the bound grows with cancellation: (1e6 − 999999) has the error of two numbers near 1e6
        assertTrue(Arithmetic.evaluate("1000000 − 999999").error() > 9e-4);
    }

    private static void check(Explanation e, Double figure, Convention c, long seed, String what) {
        String where = (c == null ? "mixed venues" : c) + " seed " + seed + " " + what + ": " + e.substituted()
                + " (result " + e.result()
                + ", figure " + figure + ")";
        assertEquals(figure, e.result(), where + ": the working's result is not the figure shown");
        if (figure == null) {
            return;
        }
        Arithmetic.Value v;
        try {
            v = Arithmetic.rightHandSide(e.substituted());
        } catch (IllegalArgumentException ex) {
            fail(where + ": " + ex.getMessage());
            return;
        }
        double tolerance = 4 * v.error() + 1e-12 * Math.max(1, Math.abs(figure));
        if (!(Math.abs(v.value() - figure) <= tolerance)) {
            fail(where + ": the substituted arithmetic gives " + v.value() + " (±" + tolerance + ")");
        }
    }

    private static Double toDouble(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    private static Quantity accountFigure(ExplainKey k) {
        for (Quantity q : Quantity.of(Quantity.Scope.ACCOUNT)) {
            if (q.hasOwnWorking() && q.explainedBy() == k) {
                return q;
            }
        }
        throw new AssertionError("no account figure owns " + k);
    }

    /**
     * 1–3 markets under the convention (each under a random one when it is null), 1–2 positions each (hedge mode: a
     * long and a short), random wallet.
     */
    static Portfolio portfolio(Random r, Convention convention) {
        boolean hedge = r.nextInt(3) == 0;
        int n = 1 + r.nextInt(3);
        List<Market> markets = new ArrayList<>();
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String symbol = "M" + i;
            double mark = Math.exp(Math.log(0.05) + r.nextDouble() * Math.log(2e6)); // 0.05 … 100,000
            Convention c = convention != null ? convention
                    : Convention.values()[r.nextInt(Convention.values().length)];
            Market m = market(r, symbol, c, mark);
            boolean inverse = convention != null && convention.contractType() == ContractType.INVERSE;
            if (inverse) {
                // a coin-margined market: whole contracts of cs quote, tiers and amounts in the coin
                m = inverseMarket(r, m, mark);
            }
            markets.add(m);
            List<Side> sides = hedge ? List.of(Side.LONG, Side.SHORT)
                    : List.of(r.nextBoolean() ? Side.LONG : Side.SHORT);
            for (Side side : sides) {
                double notional = Math.exp(Math.log(50) + r.nextDouble() * Math.log(2e5)); // 50 … 10,000,000
                double entry = mark * (0.8 + 0.4 * r.nextDouble());
                double q = notional / entry;
                if (inverse) {
                    q = Math.max(1, Math.rint(notional / m.contract().contractSize()));
                    notional = m.contract().coinNotional(q, entry);
                }
                double lev = 1 + r.nextDouble() * (m.maxLeverage(notional) - 1);
                boolean isolated = r.nextInt(3) == 0;
                double extra = isolated && r.nextBoolean() ? notional / lev * (r.nextDouble() - 0.3) : 0;
                positions.add(new Position(symbol + side.name().charAt(0), symbol, side, q, entry, lev,
                        isolated ? MarginMode.ISOLATED : MarginMode.CROSS, null, extra));
            }
        }
        double wallet = r.nextInt(5) == 0 ? 0 : Math.exp(r.nextDouble() * Math.log(5e6));
        Map<String, Double> coins = convention != null && convention.contractType() == ContractType.INVERSE
                ? Map.of("BTC", wallet / markets.get(0).markPrice()) : Map.of();
        return new Portfolio(new Account(wallet, hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY, coins), markets,
                positions, 24 * (1 + r.nextInt(60)));
    }

    /** The market as a coin-margined one settled in BTC: its tier floors and caps divided by the mark (coin). */
    private static Market inverseMarket(Random r, Market m, double mark) {
        List<TierSpec> specs = new ArrayList<>();
        for (var t : m.tiers().tiers()) {
            specs.add(new TierSpec(t.floor() / mark, Double.isInfinite(t.cap()) ? t.cap() : t.cap() / mark,
                    t.maxLeverage(), t.mmr(), null));
        }
        double cs = new double[]{1, 10, 100}[r.nextInt(3)];
        return new Market(m.symbol(), m.convention(), m.markPrice(), m.indexPrice(), m.takerFeeRate(),
                TierTable.resolve(m.convention(), specs), null, m.funding(), m.future(), Contract.inverse(cs, "BTC"));
    }

    private static Market market(Random r, String symbol, Convention c, double mark) {
        double index = mark * (1 + (r.nextDouble() - 0.5) * 0.004);
        FundingTerms funding = new FundingTerms((r.nextDouble() - 0.4) * 0.002,
                new double[]{1, 4, 8}[r.nextInt(3)]);
        DatedFuture future = r.nextBoolean() ? new DatedFuture(index * (1 + r.nextDouble() * 0.03),
                1 + r.nextInt(180)) : null;
        double fee = c == Convention.OKX ? new double[]{0.0005, 0.0002}[r.nextInt(2)] : 0.0005;
        if (c == Convention.DYDX) {
            double imf = new double[]{0.02, 0.05, 0.1, 0.2}[r.nextInt(4)];
            return Market.dydx(symbol, mark, index, fee, DydxMargin.of(imf, 0.5 + 0.1 * r.nextInt(3)), funding,
                    future);
        }
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        double lev = new double[]{125, 100, 50, 40, 20}[r.nextInt(5)];
        double mmr = 1 / (2.5 * lev);
        int tiers = 1 + r.nextInt(8);
        // now and then a table whose maintenance amounts are all 0 (off the recursion: the requirement jumps at each
        // floor, and a liquidation can sit on a floor itself)
        Double amount = c == Convention.BINANCE && r.nextInt(3) == 0 ? 0.0 : null;
        for (int i = 0; i < tiers; i++) {
            double cap = i == tiers - 1 ? Double.POSITIVE_INFINITY : floor + (2e4 + r.nextDouble() * 2e6) * (i + 1);
            specs.add(new TierSpec(floor, cap, lev, c == Convention.HYPERLIQUID ? null : mmr, amount));
            floor = cap;
            lev = Math.max(1, Math.floor(lev / (1.3 + r.nextDouble())));
            mmr = Math.min(1 / (2.0 * lev), mmr * (1.2 + r.nextDouble()));
        }
        return new Market(symbol, c, mark, index, fee, TierTable.resolve(c, specs), null, funding, future);
    }
}
