package com.perprisk.engine.margin;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.RiskEngine;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeded properties of the inverse order ticket: its answers are the exact and whole-contract ones. */
class InverseTicketPropertiesTest {

    @Test
    @DisplayName("200 seeded orders: max open is the most whole contracts that fit; the stop size the most within budget; the target's ROE is the ROE asked")
    void answersAreExactInWholeContracts() {
        SplittableRandom r = new SplittableRandom(10_2026);
        for (int i = 0; i < 200; i++) {
            double wallet = 0.01 + r.nextDouble() * 3;
            Portfolio p = InverseTicketTest.account(wallet);
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            int leverage = 1 + r.nextInt(100);
            double entry = 60_000 * (0.95 + r.nextDouble() * 0.1);
            double fee = 0.0005;
            double roe = (r.nextDouble() - 0.3) * Math.min(leverage * 0.9, 3);
            double stop = side == Side.LONG ? entry * (0.8 + r.nextDouble() * 0.19) : entry * (1.01 + r.nextDouble()
                    * 0.2);
            double budget = 0.0001 + r.nextDouble() * 0.05;
            Order o = new Order("BTCUSD_PERP", side, leverage, MarginMode.CROSS, new Order.Amount(Order.Kind.SIZE,
                    1 + r.nextInt(50)), entry, null, null);
            OrderTicket.Quote q;
            try {
                q = OrderTicket.quote(p, o, new OrderTicket.Questions(null, roe, null, stop, budget));
            } catch (TicketException e) {
                assertEquals(Order.Field.LEVERAGE, e.field(), "case " + i + ": " + e.getMessage());
                continue;
            }
            String where = "case " + i;
            // max open: whole contracts, its cost fits the BTC available balance, one more does not (or the tier binds)
            MaxOpen.Result max = q.maxOpen();
            double available = q.poolBefore().availableBalance();
            double per = InverseOrder.costPerContract(side, 100, leverage, entry, 60_000, fee);
            assertEquals(Math.rint(max.size()), max.size(), where);
            assertTrue(max.cost() <= available * (1 + 1e-12), where);
            if ("balance".equals(max.limitedBy())) {
                assertTrue(max.cost() + per > available, where);
            } else {
                assertTrue((max.size() + 1) * 100 / entry > max.tierCap(), where);
            }
            assertEquals(max.size() * 100 / entry, max.notional(), 1e-12 * Math.max(1, max.notional()), where);
            // stop: the coin loss of that many contracts, fees included, fits; one more does not
            double loss = InverseOrder.lossPerContract(100, entry, stop, fee);
            assertTrue(q.stopSize() * loss <= budget * (1 + 1e-12), where);
            assertTrue((q.stopSize() + 1) * loss > budget, where);
            // target: the ROE at the target price is the ROE asked for
            Position result = q.placement().result();
            double pnl = InverseOrder.pnlAt(side, result.size(), 100, result.entryPrice(), q.targetPrice());
            assertEquals(roe, pnl / (result.size() * 100 / result.entryPrice() / leverage), 1e-9, where);
            // the order's IM is its coin notional over the leverage, and the BTC pool's initial margin grows by it
            assertEquals(q.notional() / leverage, q.initialMargin(), 1e-15, where);
            assertEquals(q.poolBefore().initialMargin() + q.initialMargin(), q.poolAfter().initialMargin(), 1e-12,
                    where);
        }
    }

    @Test
    @DisplayName("100 seeded orders into a BTC cross pool: the ticket's after is the engine's figures of the hand-built portfolio")
    void afterIsTheEvaluationOfThePortfolioWithTheOrder() {
        SplittableRandom r = new SplittableRandom(77);
        for (int i = 0; i < 100; i++) {
            Side heldSide = r.nextBoolean() ? Side.LONG : Side.SHORT;
            int c1 = 1 + r.nextInt(500);
            double e1 = 60_000 * (0.9 + r.nextDouble() * 0.2);
            Position held = Position.cross("h", "BTCUSD_PERP", heldSide, c1, e1, 10);
            Portfolio p = InverseTicketTest.account(0.5 + r.nextDouble(), held);
            int c2 = 1 + r.nextInt(500);
            double e2 = 60_000 * (0.95 + r.nextDouble() * 0.1);
            int leverage = 1 + r.nextInt(10);
            OrderTicket.Quote q = OrderTicket.quote(p, new Order("BTCUSD_PERP", heldSide, leverage, null,
                    new Order.Amount(Order.Kind.SIZE, c2), e2, null, null), OrderTicket.Questions.NONE);
            List<Position> positions = new ArrayList<>(p.positions());
            // the merged position by hand: contracts add, the entry is the harmonic mean
            positions.set(0, Position.cross("h", "BTCUSD_PERP", heldSide, c1 + c2, (c1 + c2) / (c1 / e1 + c2 / e2),
                    leverage));
            PortfolioRisk expected = RiskEngine.evaluate(p.withPositions(positions));
            var e = expected.pool("BTC").orElseThrow().figures();
            var a = q.poolAfter();
            String where = "case " + i;
            assertEquals(e.marginBalance(), a.marginBalance(), 1e-12, where);
            assertEquals(e.maintenanceMargin(), a.maintenanceMargin(), 1e-12, where);
            assertEquals(e.availableBalance(), a.availableBalance(), 1e-12, where);
            var pe = expected.positions().get(0);
            var pa = q.position();
            if (pe.liquidationPrice() == null) {
                assertEquals(null, pa.liquidationPrice(), where);
            } else {
                assertEquals(pe.liquidationPrice(), pa.liquidationPrice(), 1e-9 * pe.liquidationPrice(), where);
            }
            assertEquals(pe.fundingPerSettlement(), pa.fundingPerSettlement(), 1e-15, where);
        }
    }
}
