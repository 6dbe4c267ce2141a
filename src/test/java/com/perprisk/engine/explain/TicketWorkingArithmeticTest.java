package com.perprisk.engine.explain;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.Tables;
import com.perprisk.engine.margin.Order;
import com.perprisk.engine.margin.OrderTicket;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The order ticket's workings keep the product's promise: the substituted arithmetic gives the figure. */
class TicketWorkingArithmeticTest {
    private static final TierTable BTC = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());

    @Test
    @DisplayName("Every ticket working, over seeded orders of every kind and question, evaluates to its figure")
    void everyTicketWorkingEvaluates() {
        SplittableRandom r = new SplittableRandom(41);
        int checked = 0;
        for (int i = 0; i < 150; i++) {
            double mark = 1_000 + r.nextDouble() * 90_000;
            Market m = new Market("BTCUSDT", Convention.BINANCE, mark, mark, r.nextDouble() * 0.001, BTC, null,
                    new FundingTerms(0.0001, 8), null);
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            List<Position> held = r.nextBoolean() ? List.of() : List.of(Position.cross("p1", "BTCUSDT", side,
                    0.1 + r.nextDouble(), mark * (0.9 + r.nextDouble() * 0.2), 10));
            Portfolio p = new Portfolio(new Account(10_000 + r.nextDouble() * 1e5, PositionMode.ONE_WAY), List.of(m),
                    held, 720);
            Order.Kind kind = Order.Kind.values()[r.nextInt(3)];
            double amount = kind == Order.Kind.SIZE ? 0.01 + r.nextDouble() : 100 + r.nextDouble() * 5_000;
            double entry = mark * (0.98 + r.nextDouble() * 0.04);
            Order o = new Order("BTCUSDT", side, 1 + r.nextInt(20), held.isEmpty() && r.nextBoolean()
                    ? MarginMode.ISOLATED : null, new Order.Amount(kind, amount), entry, null, null);
            double stop = side == Side.LONG ? entry * 0.95 : entry * 1.05;
            OrderTicket.Questions q = new OrderTicket.Questions(entry * (0.9 + r.nextDouble() * 0.2),
                    r.nextBoolean() ? 0.1 + r.nextDouble() : null, null, stop, 100 + r.nextDouble() * 1_000);
            if (q.targetRoe() == null) {
                q = new OrderTicket.Questions(q.exitPrice(), null, r.nextDouble() - 0.3, stop,
                        q.lossBudget());
            }
            Map<String, Explanation> workings = OrderTicket.quote(p, o, q).explanations();
            for (var w : workings.entrySet()) {
                check(w.getValue(), "case " + i + " " + w.getKey());
                checked++;
            }
            assertTrue(workings.containsKey("maxOpen") && workings.containsKey("stopSize")
                    && workings.containsKey("targetPrice") && workings.containsKey("exitRoeOnMargin"), "case " + i);
        }
        assertTrue(checked > 1_500, "checked " + checked);
    }

    @Test
    @DisplayName("Every inverse ticket working (contracts, coin amounts), over seeded orders, evaluates to its figure")
    void everyInverseTicketWorkingEvaluates() {
        TierTable coin = TierTable.resolve(Convention.BINANCE_COINM, List.of(
                com.perprisk.engine.tier.TierSpec.derived(0, 5, 125, 0.004),
                com.perprisk.engine.tier.TierSpec.derived(5, 10, 100, 0.005),
                com.perprisk.engine.tier.TierSpec.derived(10, 20, 50, 0.01),
                com.perprisk.engine.tier.TierSpec.derived(20, Double.POSITIVE_INFINITY, 20, 0.025)));
        SplittableRandom r = new SplittableRandom(43);
        int checked = 0;
        for (int i = 0; i < 150; i++) {
            double mark = 1_000 + r.nextDouble() * 90_000;
            Market m = new Market("BTCUSD_PERP", Convention.BINANCE_COINM, mark, mark, r.nextDouble() * 0.001, coin,
                    null, new FundingTerms(0.0001, 8), null, com.perprisk.engine.Contract.inverse(100, "BTC"));
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            List<Position> held = r.nextBoolean() ? List.of() : List.of(Position.cross("p1", "BTCUSD_PERP", side,
                    1 + r.nextInt(500), mark * (0.9 + r.nextDouble() * 0.2), 10));
            Portfolio p = new Portfolio(new Account(0, PositionMode.ONE_WAY, Map.of("BTC", 1 + r.nextDouble() * 5)),
                    List.of(m), held, 720);
            Order.Kind kind = Order.Kind.values()[r.nextInt(3)];
            double amount = kind == Order.Kind.SIZE ? 1 + r.nextInt(300) : 0.05 + r.nextDouble() * 0.2;
            double entry = mark * (0.98 + r.nextDouble() * 0.04);
            Order o = new Order("BTCUSD_PERP", side, 1 + r.nextInt(20), held.isEmpty() && r.nextBoolean()
                    ? MarginMode.ISOLATED : null, new Order.Amount(kind, amount), entry, null, null);
            double stop = side == Side.LONG ? entry * 0.95 : entry * 1.05;
            OrderTicket.Questions q = new OrderTicket.Questions(entry * (0.9 + r.nextDouble() * 0.2),
                    r.nextBoolean() ? 0.1 + r.nextDouble() : null, null, stop, 0.001 + r.nextDouble() * 0.01);
            if (q.targetRoe() == null) {
                q = new OrderTicket.Questions(q.exitPrice(), null, (r.nextDouble() - 0.3) * 0.01, stop,
                        q.lossBudget());
            }
            Map<String, Explanation> workings = OrderTicket.quote(p, o, q).explanations();
            for (var w : workings.entrySet()) {
                check(w.getValue(), "case " + i + " " + w.getKey());
                checked++;
            }
            assertTrue(workings.containsKey("maxOpen") && workings.containsKey("stopSize")
                    && workings.containsKey("targetPrice") && workings.containsKey("exitRoeOnMargin"), "case " + i);
            assertTrue(workings.get("notional").formula().contains("C × cs / EP"), "case " + i);
        }
        assertTrue(checked > 1_500, "checked " + checked);
    }

    private static void check(Explanation e, String where) {
        Double figure = e.result();
        if (figure == null) {
            assertTrue(where.endsWith("liquidationPrice") || where.endsWith("bankruptcyPrice")
                    || where.endsWith("marginRatio") || where.endsWith("adlScore"), where + ": no figure");
            return; // a price that does not exist: the engine's own working says so
        }
        Arithmetic.Value v;
        try {
            v = Arithmetic.rightHandSide(e.substituted());
        } catch (IllegalArgumentException ex) {
            fail(where + ": " + e.substituted() + ": " + ex.getMessage());
            return;
        }
        double tolerance = 4 * v.error() + 1e-12 * Math.max(1, Math.abs(figure));
        if (!(Math.abs(v.value() - figure) <= tolerance)) {
            fail(where + ": " + e.substituted() + " gives " + v.value() + " (±" + tolerance + "), the figure is "
                    + figure);
        }
    }
}
