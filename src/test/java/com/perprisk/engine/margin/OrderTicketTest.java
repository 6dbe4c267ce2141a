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
import com.perprisk.engine.Tables;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order ticket on worked examples of the venues' calculators, and the rules of a fill. */
class OrderTicketTest {
    static final TierTable BTC = TierTable.resolve(Convention.BINANCE, Tables.binanceBtc2024());

    static Market btc(double mark) {
        return new Market("BTCUSDT", Convention.BINANCE, mark, mark, 0, BTC, null, new FundingTerms(0.0001, 8), null);
    }

    static Portfolio account(double wallet, PositionMode mode, Position... positions) {
        Market eth = Market.simple("ETHUSDT", Convention.BINANCE, 3_000, BTC);
        return new Portfolio(new Account(wallet, mode), List.of(btc(60_000), eth), List.of(positions), 720);
    }

    static Order order(Side side, double leverage, Order.Kind kind, double amount) {
        return new Order("BTCUSDT", side, leverage, null, new Order.Amount(kind, amount), null, null, null);
    }

    @Test
    @DisplayName("Binance's calculator: target price = entry × (1 ± ROE / leverage), through the ticket")
    void targetPriceForAnRoe() {
        Portfolio p = account(10_000, PositionMode.ONE_WAY);
        var q = OrderTicket.quote(p, order(Side.LONG, 10, Order.Kind.SIZE, 1),
                new OrderTicket.Questions(null, 0.5, null, null, null));
        assertEquals(63_000, q.targetPrice(), 1e-9); // 60,000 × (1 + 0.5 / 10)
        var s = OrderTicket.quote(p, order(Side.SHORT, 10, Order.Kind.SIZE, 1),
                new OrderTicket.Questions(null, 0.5, null, null, null));
        assertEquals(57_000, s.targetPrice(), 1e-9); // 60,000 × (1 − 0.5 / 10)
        var pnl = OrderTicket.quote(p, order(Side.LONG, 10, Order.Kind.SIZE, 2),
                new OrderTicket.Questions(null, null, 3_000.0, null, null));
        assertEquals(61_500, pnl.targetPrice(), 1e-9); // 60,000 + 3,000 / 2
        assertTrue(q.explanations().get("targetPrice").notes().get(0).contains("initial margin at entry"));
    }

    @Test
    @DisplayName("PnL and ROE at an exit: ROE on the initial margin at entry, and the positions screen's form beside it")
    void pnlAndRoeAtAnExit() {
        var q = OrderTicket.quote(account(10_000, PositionMode.ONE_WAY), order(Side.LONG, 10, Order.Kind.SIZE, 1),
                new OrderTicket.Questions(66_000.0, null, null, null, null));
        assertEquals(6_000, q.exitPnl(), 1e-9);
        assertEquals(1.0, q.exitRoe(), 1e-12); // 6,000 / 6,000
        assertEquals(6_000 / 6_600.0, q.exitRoeOnMargin(), 1e-12); // 6,000 / (1 × 66,000 / 10)
    }

    @Test
    @DisplayName("Max open under Binance's 2024 table: the balance binds at 20x, the 600,000 cap at 100x")
    void maxOpenUnderTheTierTable() {
        var small = OrderTicket.quote(account(1_000, PositionMode.ONE_WAY), order(Side.LONG, 20, Order.Kind.SIZE,
                0.01), OrderTicket.Questions.NONE).maxOpen();
        assertEquals(20_000, small.notional(), 1e-9);
        assertEquals(1_000, small.initialMargin(), 1e-9);
        var big = OrderTicket.quote(account(1_000_000, PositionMode.ONE_WAY), order(Side.LONG, 100,
                Order.Kind.SIZE, 0.01), OrderTicket.Questions.NONE).maxOpen();
        assertEquals(600_000, big.notional(), 1e-6);
        assertEquals(10, big.size(), 1e-9);
        assertEquals("tier", big.limitedBy());
        // already holding 4 BTC (240,000) at 100x leaves 360,000 of the 600,000 cap
        Position held = Position.cross("p1", "BTCUSDT", Side.LONG, 4, 60_000, 100);
        var left = OrderTicket.quote(account(1_000_000, PositionMode.ONE_WAY, held), order(Side.LONG, 100,
                Order.Kind.SIZE, 0.01), OrderTicket.Questions.NONE).maxOpen();
        assertEquals(360_000, left.notional(), 1e-6);
    }

    @Test
    @DisplayName("Max open counts the open loss of an entry worse than the mark (Binance's cost to open)")
    void maxOpenCountsTheOpenLoss() {
        // long at 61,000 with the mark at 60,000: cost per BTC = 6,100 + 1,000
        var r = MaxOpen.of(7_100, 10, Side.LONG, 61_000, 60_000, BTC, 0, 0);
        assertEquals(1, r.size(), 1e-12);
        assertEquals(6_100, r.initialMargin(), 1e-9);
        // a short at 61,000 above the mark has no open loss
        assertEquals(7_100 / 6_100.0, MaxOpen.of(7_100, 10, Side.SHORT, 61_000, 60_000, BTC, 0, 0).size(), 1e-12);
    }

    @Test
    @DisplayName("Average entry after adding: size-weighted, and the merged position is what the account holds")
    void averageEntryAfterAdding() {
        Position held = Position.cross("p1", "BTCUSDT", Side.LONG, 1, 60_000, 10);
        Order add = new Order("BTCUSDT", Side.LONG, 10, null, new Order.Amount(Order.Kind.SIZE, 3), 62_000.0, 0.0,
                null);
        var q = OrderTicket.quote(account(50_000, PositionMode.ONE_WAY, held), add, OrderTicket.Questions.NONE);
        assertEquals(OrderPlacement.Effect.ADD, q.placement().effect());
        assertEquals(61_500, q.averageEntry(), 1e-9); // (1 × 60,000 + 3 × 62,000) / 4
        Position merged = q.placement().after().positions().get(0);
        assertEquals("p1", merged.id());
        assertEquals(4, merged.size(), 1e-12);
        assertEquals(61_500, merged.entryPrice(), 1e-9);
        assertEquals(1, q.placement().after().positions().size());
        assertNotNull(q.explanations().get("averageEntry"));
    }

    @Test
    @DisplayName("Domain §2.2 through the ticket: isolated long 1 BTC at 60,000, 10x, MMR 0.5% → LP 54,271.36")
    void isolatedWorkedExample() {
        TierTable flat = TierTable.resolve(Convention.BINANCE, List.of(TierSpec.of(0, Double.POSITIVE_INFINITY, 100,
                0.005, 0.0)));
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0, flat, null, null, null);
        Portfolio p = new Portfolio(new Account(10_000, PositionMode.ONE_WAY), List.of(m), List.of(), 720);
        Order o = new Order("BTCUSDT", Side.LONG, 10, MarginMode.ISOLATED, new Order.Amount(Order.Kind.MARGIN,
                6_000), null, null, null);
        var q = OrderTicket.quote(p, o, OrderTicket.Questions.NONE);
        assertEquals(1, q.size(), 1e-12); // 6,000 × 10 / 60,000
        assertEquals(54_271.36, q.position().liquidationPrice(), 0.005);
        assertEquals(54_000, q.position().bankruptcyPrice(), 1e-6);
        // isolated margin leaves the cross wallet
        assertEquals(4_000, q.placement().after().account().walletBalance(), 1e-9);
        assertEquals(4_000, q.after().account().availableBalance(), 1e-9);
    }

    @Test
    @DisplayName("A new cross position joins the pool: the other cross position's liquidation price moves")
    void crossPositionsMoveWhenOneJoins() {
        Position eth = Position.cross("eth", "ETHUSDT", Side.LONG, 10, 3_000, 10);
        Portfolio p = account(5_000, PositionMode.ONE_WAY, eth);
        var q = OrderTicket.quote(p, order(Side.LONG, 10, Order.Kind.NOTIONAL, 30_000), OrderTicket.Questions.NONE);
        double before = q.before().position("eth").orElseThrow().liquidationPrice();
        double after = q.after().position("eth").orElseThrow().liquidationPrice();
        assertTrue(after > before, "the BTC position's maintenance margin uses up cross balance: " + before + " → "
                + after);
        assertEquals(0.5, q.size(), 1e-12); // 30,000 / 60,000
    }

    @Test
    @DisplayName("One-way: an order against a position is refused unless named; named, it reduces, closes or flips")
    void oneWayNetting() {
        Position held = Position.cross("p1", "BTCUSDT", Side.LONG, 2, 50_000, 10);
        Portfolio p = account(20_000, PositionMode.ONE_WAY, held);
        TicketException e = assertThrows(TicketException.class, () -> OrderTicket.quote(p,
                order(Side.SHORT, 10, Order.Kind.SIZE, 1), OrderTicket.Questions.NONE));
        assertEquals(Order.Field.SIDE, e.field());
        assertTrue(e.getMessage().contains("p1"), e.getMessage());

        var reduce = OrderTicket.quote(p, named(Side.SHORT, 1, "p1"), OrderTicket.Questions.NONE);
        assertEquals(OrderPlacement.Effect.REDUCE, reduce.placement().effect());
        assertEquals(1, reduce.placement().result().size(), 1e-12);
        assertEquals(50_000, reduce.averageEntry(), 1e-9);
        assertEquals(10_000, reduce.placement().realizedPnl(), 1e-9); // 1 × (60,000 − 50,000)
        assertEquals(30_000, reduce.placement().after().account().walletBalance(), 1e-9);

        var close = OrderTicket.quote(p, named(Side.SHORT, 2, "p1"), OrderTicket.Questions.NONE);
        assertEquals(OrderPlacement.Effect.CLOSE, close.placement().effect());
        assertTrue(close.placement().after().positions().isEmpty());
        assertNull(close.position());
        assertEquals(40_000, close.placement().after().account().walletBalance(), 1e-9);

        var flip = OrderTicket.quote(p, named(Side.SHORT, 3, "p1"), OrderTicket.Questions.NONE);
        assertEquals(OrderPlacement.Effect.FLIP, flip.placement().effect());
        Position flipped = flip.placement().result();
        assertEquals(Side.SHORT, flipped.side());
        assertEquals(1, flipped.size(), 1e-12);
        assertEquals(60_000, flipped.entryPrice(), 1e-9);
    }

    private static Order named(Side side, double size, String id) {
        return new Order("BTCUSDT", side, 10, null, new Order.Amount(Order.Kind.SIZE, size), null, null, id);
    }

    @Test
    @DisplayName("Hedge mode: the other side opens its own leg; naming the other leg is refused")
    void hedgeLegs() {
        Position held = Position.cross("p1", "BTCUSDT", Side.LONG, 2, 50_000, 10);
        Portfolio p = account(20_000, PositionMode.HEDGE, held);
        var q = OrderTicket.quote(p, order(Side.SHORT, 10, Order.Kind.SIZE, 1), OrderTicket.Questions.NONE);
        assertEquals(OrderPlacement.Effect.OPEN, q.placement().effect());
        assertEquals(2, q.placement().after().positions().size());
        assertEquals(OrderPlacement.NEW_ID, q.placement().result().id());
        TicketException e = assertThrows(TicketException.class, () -> OrderTicket.quote(p,
                named(Side.SHORT, 1, "p1"), OrderTicket.Questions.NONE));
        assertEquals(Order.Field.ADD_TO, e.field());
    }

    @Test
    @DisplayName("Refusals name the ticket field: leverage above the bracket's max, market, position, mode, target")
    void refusalsNameTheirField() {
        Position held = Position.cross("p1", "BTCUSDT", Side.LONG, 2, 50_000, 10);
        Portfolio p = account(20_000_000, PositionMode.ONE_WAY, held);
        assertField(Order.Field.LEVERAGE, () -> OrderTicket.quote(p, order(Side.LONG, 150, Order.Kind.SIZE, 1),
                OrderTicket.Questions.NONE));
        // 20 BTC = 1.2M notional is in the 75x bracket: 100x is refused
        assertField(Order.Field.LEVERAGE, () -> OrderTicket.quote(account(1e7, PositionMode.ONE_WAY),
                order(Side.LONG, 100, Order.Kind.SIZE, 20), OrderTicket.Questions.NONE));
        assertField(Order.Field.SYMBOL, () -> OrderTicket.quote(p, new Order("XRPUSDT", Side.LONG, 10, null,
                new Order.Amount(Order.Kind.SIZE, 1), null, null, null), OrderTicket.Questions.NONE));
        assertField(Order.Field.ADD_TO, () -> OrderTicket.quote(p, named(Side.LONG, 1, "p9"),
                OrderTicket.Questions.NONE));
        assertField(Order.Field.MODE, () -> OrderTicket.quote(p, new Order("BTCUSDT", Side.LONG, 10,
                MarginMode.ISOLATED, new Order.Amount(Order.Kind.SIZE, 1), null, null, null),
                OrderTicket.Questions.NONE));
        assertField(Order.Field.AMOUNT, () -> order(Side.LONG, 10, Order.Kind.SIZE, -1));
        assertField(Order.Field.TARGET_PNL, () -> new OrderTicket.Questions(null, 0.5, 100.0, null, null));
        // a short at 10x cannot make 2,000%: the price would be below 0
        assertField(Order.Field.TARGET_ROE, () -> OrderTicket.quote(account(10_000, PositionMode.ONE_WAY),
                order(Side.SHORT, 10, Order.Kind.SIZE, 1),
                new OrderTicket.Questions(null, 20.0, null, null, null)));
    }

    private static void assertField(Order.Field f, Runnable r) {
        TicketException e = assertThrows(TicketException.class, r::run);
        assertEquals(f, e.field(), e.getMessage());
    }

    @Test
    @DisplayName("Size for a stop and a loss budget is the Probability tab's Sizing helper, fees included")
    void sizeForAStop() {
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0.0005, BTC, null, null, null);
        Portfolio p = new Portfolio(new Account(10_000, PositionMode.ONE_WAY), List.of(m), List.of(), 720);
        var q = OrderTicket.quote(p, order(Side.LONG, 10, Order.Kind.SIZE, 1),
                new OrderTicket.Questions(null, null, null, 58_000.0, 1_000.0));
        // loss per BTC = 2,000 + 0.0005 × (60,000 + 58,000) = 2,059
        assertEquals(1_000 / 2_059.0, q.stopSize(), 1e-12);
        assertEquals(1_000, com.perprisk.engine.probability.Sizing.lossAtStop(q.stopSize(), 60_000, 58_000, 0.0005),
                1e-9);
    }
}
