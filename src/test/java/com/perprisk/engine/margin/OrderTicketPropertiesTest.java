package com.perprisk.engine.margin;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties of the ticket over seeded random accounts and orders. */
class OrderTicketPropertiesTest {
    private static final int CASES = 250;

    private static Portfolio randomAccount(SplittableRandom r, double mark) {
        Market btc = new Market("BTCUSDT", Convention.BINANCE, mark, mark, 0.0004, OrderTicketTest.BTC, null,
                new FundingTerms(0.0001, 8), null);
        Market eth = new Market("ETHUSDT", Convention.BINANCE, 3_000, 3_000, 0.0004, OrderTicketTest.BTC, null,
                FundingTerms.NONE, null);
        List<Position> held = new ArrayList<>();
        if (r.nextBoolean()) {
            held.add(Position.cross("eth", "ETHUSDT", r.nextBoolean() ? Side.LONG : Side.SHORT,
                    0.5 + r.nextDouble() * 20, 2_500 + r.nextDouble() * 1_000, 1 + r.nextInt(20)));
        }
        return new Portfolio(new Account(1_000 + r.nextDouble() * 1e6, PositionMode.ONE_WAY), List.of(btc, eth), held,
                720);
    }

    @Test
    @DisplayName("Max open's cost never exceeds the available balance, and one step more would (or leave the tiers)")
    void maxOpenIsTheLargest() {
        SplittableRandom r = new SplittableRandom(9);
        for (int i = 0; i < CASES; i++) {
            double mark = 20_000 + r.nextDouble() * 80_000;
            Portfolio p = randomAccount(r, mark);
            double lev = 1 + r.nextInt(125);
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            double entry = mark * (0.97 + r.nextDouble() * 0.06);
            var q = OrderTicket.quote(p, new Order("BTCUSDT", side, Math.min(lev, 125), null,
                    new Order.Amount(Order.Kind.SIZE, 0.001), entry, null, null), OrderTicket.Questions.NONE);
            MaxOpen.Result m = q.maxOpen();
            double available = q.before().account().availableBalance();
            double perUnit = entry / lev + 0.0004 * entry + MaxOpen.openLossPerUnit(side, entry, mark);
            assertTrue(m.cost() <= available * (1 + 1e-12), "case " + i);
            // the same bound from the cost written out here: initial margin, fee, open loss
            assertTrue(m.size() * perUnit <= available * (1 + 1e-9) + 1e-9, "case " + i);
            assertTrue(m.notional() <= m.tierCap() * (1 + 1e-12), "case " + i);
            assertTrue(m.initialMargin() <= available * (1 + 1e-12), "case " + i);
            double more = m.size() * (1 + 1e-6) + 1e-9;
            boolean overBalance = more * perUnit > available;
            boolean overTier = more * entry > m.tierCap();
            assertTrue(overBalance || overTier, "case " + i + ": one step more still fits");
            assertTrue(m.limitedBy().equals("balance") ? overBalance : overTier, "case " + i + ": " + m.limitedBy());
        }
    }

    @Test
    @DisplayName("The target price for an ROE gives back that ROE at the exit; for a PnL, that PnL")
    void targetPriceRoundTrips() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < CASES; i++) {
            double mark = 100 + r.nextDouble() * 100_000;
            Portfolio p = randomAccount(r, mark);
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            double lev = 1 + r.nextInt(20);
            double size = 0.001 + r.nextDouble() * 2;
            double roe = -0.9 + r.nextDouble() * 3 * (side == Side.SHORT ? 0.3 : 1);
            Order o = new Order("BTCUSDT", side, lev, null, new Order.Amount(Order.Kind.SIZE, size), null, null,
                    null);
            var q = OrderTicket.quote(p, o, new OrderTicket.Questions(null, roe, null, null, null));
            var back = OrderTicket.quote(p, o, new OrderTicket.Questions(q.targetPrice(), null, null, null, null));
            assertEquals(roe, back.exitRoe(), 1e-9 * Math.max(1, Math.abs(roe)), "case " + i);
            double pnl = (r.nextDouble() - 0.3) * size * mark * 0.5;
            var t = OrderTicket.quote(p, o, new OrderTicket.Questions(null, null, pnl, null, null));
            var at = OrderTicket.quote(p, o, new OrderTicket.Questions(t.targetPrice(), null, null, null, null));
            assertEquals(pnl, at.exitPnl(), 1e-7 * Math.max(1, Math.abs(pnl)), "case " + i);
        }
    }

    @Test
    @DisplayName("After − before: the account's initial margin grows by the order's; available falls by it while it can")
    void afterMinusBeforeIsTheOrder() {
        SplittableRandom r = new SplittableRandom(23);
        for (int i = 0; i < CASES; i++) {
            double mark = 20_000 + r.nextDouble() * 80_000;
            Portfolio p = randomAccount(r, mark);
            double lev = 1 + r.nextInt(50);
            MarginMode mode = r.nextBoolean() ? MarginMode.CROSS : MarginMode.ISOLATED;
            double size = 0.001 + r.nextDouble() * 3;
            var q = OrderTicket.quote(p, new Order("BTCUSDT", r.nextBoolean() ? Side.LONG : Side.SHORT, lev, mode,
                    new Order.Amount(Order.Kind.SIZE, size), null, null, null), OrderTicket.Questions.NONE);
            var before = q.before().account();
            var after = q.after().account();
            double im = q.initialMargin();
            assertEquals(size * mark / lev, im, 1e-9 * im);
            if (mode == MarginMode.CROSS) {
                assertEquals(im, after.initialMargin() - before.initialMargin(), 1e-9 * Math.max(1, im), "case " + i);
            } else {
                assertEquals(im, before.walletBalance() - after.walletBalance(), 1e-9 * Math.max(1, im), "case " + i);
                assertEquals(im, q.position().margin(), 1e-9 * Math.max(1, im), "case " + i);
            }
            if (before.availableBalance() > im) {
                assertEquals(im, before.availableBalance() - after.availableBalance(), 1e-7 * Math.max(1, im),
                        "case " + i);
            }
        }
    }

    @Test
    @DisplayName("The average entry after adding lies between the two fills and weighs them by size")
    void averageEntryIsBetweenTheFills() {
        SplittableRandom r = new SplittableRandom(31);
        for (int i = 0; i < CASES; i++) {
            double ep1 = 1_000 + r.nextDouble() * 90_000;
            double ep2 = 1_000 + r.nextDouble() * 90_000;
            double q1 = 0.01 + r.nextDouble();
            double q2 = 0.01 + r.nextDouble();
            Position held = Position.cross("p1", "BTCUSDT", Side.LONG, q1, ep1, 5);
            Portfolio p = new Portfolio(new Account(1e7, PositionMode.ONE_WAY), List.of(new Market("BTCUSDT",
                    Convention.BINANCE, 50_000, 50_000, 0, OrderTicketTest.BTC, null, null, null)), List.of(held), 720);
            var q = OrderTicket.quote(p, new Order("BTCUSDT", Side.LONG, 5, null, new Order.Amount(Order.Kind.SIZE,
                    q2), ep2, null, null), OrderTicket.Questions.NONE);
            double avg = q.averageEntry();
            assertTrue(avg >= Math.min(ep1, ep2) - 1e-9 && avg <= Math.max(ep1, ep2) + 1e-9, "case " + i);
            assertEquals(q1 * ep1 + q2 * ep2, avg * (q1 + q2), 1e-6 * (q1 * ep1 + q2 * ep2), "case " + i);
            // adding at the same leverage: the merged initial margin is the sum of the two
            assertEquals(q.initialMargin(), q.after().account().initialMargin() - q.before().account()
                    .initialMargin(), 1e-6 * q.initialMargin(), "case " + i);
        }
    }
}
