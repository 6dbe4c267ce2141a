package com.perprisk.engine.margin;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.PoolRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order ticket on a coin-margined contract: Binance's futures calculator for COIN-M ("How to Use the Binance
 * Futures Calculator", binance.com/en/support/faq/360036498511: initial margin = Qty × contract_multiplier × IMR /
 * entry price, PNL = side × Qty × contract_multiplier × (1 / entry − 1 / exit), ROE = side × (1 − entry / exit) / IMR,
 * target price = side × entry / (side − ROE × IMR)), max open under a coin bracket table, whole contracts, the
 * harmonic average entry, and the account before → after on the coin's pool.
 */
class InverseTicketTest {
    /** The coin-margined sample's BTCUSD_PERP brackets, in BTC notional (Binance COIN-M's shape). */
    static final TierTable BTC_COIN = TierTable.resolve(Convention.BINANCE_COINM, List.of(
            TierSpec.derived(0, 5.0, 125, 0.004), TierSpec.derived(5, 10.0, 100, 0.005),
            TierSpec.derived(10, 20.0, 50, 0.01), TierSpec.derived(20, 50.0, 20, 0.025),
            TierSpec.derived(50, 100.0, 10, 0.05), TierSpec.derived(100, 200.0, 5, 0.1),
            TierSpec.derived(200, Double.POSITIVE_INFINITY, 4, 0.125)));

    static Market btcusd(double mark, double fee) {
        return new Market("BTCUSD_PERP", Convention.BINANCE_COINM, mark, mark, fee, BTC_COIN, null,
                new FundingTerms(0.0001, 8), null, Contract.inverse(100, "BTC"));
    }

    static Portfolio account(double btcWallet, Position... positions) {
        Market usdt = Market.simple("BTCUSDT", Convention.BINANCE, 60_000, OrderTicketTest.BTC);
        return new Portfolio(new Account(10_000, PositionMode.ONE_WAY, Map.of("BTC", btcWallet)),
                List.of(usdt, btcusd(60_000, 0.0005)), List.of(positions), 720);
    }

    static Order order(Side side, double leverage, Order.Kind kind, double amount, MarginMode mode) {
        return new Order("BTCUSD_PERP", side, leverage, mode, new Order.Amount(kind, amount), null, null, null);
    }

    @Test
    @DisplayName("Binance COIN-M calculator: 100 contracts BTCUSD_PERP at 60,000, 20x: IM = 100 × 100 / 60,000 / 20 BTC")
    void initialMarginNotionalAndFeeInCoin() {
        var q = OrderTicket.quote(account(1), order(Side.LONG, 20, Order.Kind.SIZE, 100, null),
                OrderTicket.Questions.NONE);
        assertEquals(100, q.size());
        assertEquals(100.0 * 100 / 60_000, q.notional(), 1e-15); // 0.1666… BTC
        assertEquals(100.0 * 100 / 60_000 / 20, q.initialMargin(), 1e-15); // 0.008333… BTC
        assertEquals(0.0005 * 100 * 100 / 60_000, q.openFee(), 1e-15);
        assertEquals("BTC", q.marginAsset());
        assertTrue(q.inverse());
        // funding per settlement in coin: −side × N(mark) × rate
        assertEquals(-100.0 * 100 / 60_000 * 0.0001, q.position().fundingPerSettlement(), 1e-15);
        assertTrue(q.explanations().get("initialMargin").notes().get(1).contains("≈ 500 USD at the mark 60000"),
                q.explanations().get("initialMargin").notes().toString());
    }

    @Test
    @DisplayName("Binance COIN-M calculator: PnL = side × Qty × multiplier × (1/entry − 1/exit), ROE = side × (1 − entry/exit) × L")
    void pnlAndRoeAtAnExit() {
        var q = OrderTicket.quote(account(1), order(Side.LONG, 20, Order.Kind.SIZE, 100, null),
                new OrderTicket.Questions(66_000.0, null, null, null, null));
        double pnl = 100 * 100 * (1 / 60_000.0 - 1 / 66_000.0); // 0.0151515… BTC
        assertEquals(pnl, q.exitPnl(), 1e-15);
        assertEquals(20 * (1 - 60_000.0 / 66_000), q.exitRoe(), 1e-12); // 181.8%
        assertEquals(pnl / (100 * 100 / 66_000.0 / 20), q.exitRoeOnMargin(), 1e-12);
        var s = OrderTicket.quote(account(1), order(Side.SHORT, 20, Order.Kind.SIZE, 100, null),
                new OrderTicket.Questions(66_000.0, null, null, null, null));
        assertEquals(-pnl, s.exitPnl(), 1e-15);
    }

    @Test
    @DisplayName("Binance COIN-M calculator: target price = side × entry / (side − ROE / L): 61,538.46 long, 58,536.59 short at 20x for 50%")
    void targetPriceForAnRoeAndAPnl() {
        var q = OrderTicket.quote(account(1), order(Side.LONG, 20, Order.Kind.SIZE, 100, null),
                new OrderTicket.Questions(null, 0.5, null, null, null));
        assertEquals(60_000 / (1 - 0.5 / 20), q.targetPrice(), 1e-9);
        assertEquals(61_538.46, q.targetPrice(), 0.005);
        var s = OrderTicket.quote(account(1), order(Side.SHORT, 20, Order.Kind.SIZE, 100, null),
                new OrderTicket.Questions(null, 0.5, null, null, null));
        assertEquals(-60_000 / (-1 - 0.5 / 20), s.targetPrice(), 1e-9);
        assertEquals(58_536.59, s.targetPrice(), 0.005);
        // the ROE at that price is the ROE asked for: solve side × C × cs × (1/EP − 1/P) = ROE × IM
        var back = OrderTicket.quote(account(1), order(Side.LONG, 20, Order.Kind.SIZE, 100, null),
                new OrderTicket.Questions(q.targetPrice(), null, null, null, null));
        assertEquals(0.5, back.exitRoe(), 1e-12);
        // a target PnL in coin: 1/P = 1/EP − side × PnL / (C × cs)
        var pnl = OrderTicket.quote(account(1), order(Side.LONG, 20, Order.Kind.SIZE, 100, null),
                new OrderTicket.Questions(null, null, 0.01, null, null));
        assertEquals(1 / (1 / 60_000.0 - 0.01 / 10_000), pnl.targetPrice(), 1e-6);
        // a long's coin PnL never reaches C × cs / EP: an ROE of L or more has no price
        TicketException e = assertThrows(TicketException.class, () -> OrderTicket.quote(account(1),
                order(Side.LONG, 20, Order.Kind.SIZE, 100, null), new OrderTicket.Questions(null, 20.0, null, null,
                        null)));
        assertEquals(Order.Field.TARGET_ROE, e.field());
        assertThrows(TicketException.class, () -> OrderTicket.quote(account(1), order(Side.LONG, 20, Order.Kind.SIZE,
                100, null), new OrderTicket.Questions(null, null, 0.17, null, null))); // more than C × cs / EP = 0.1667
    }

    @Test
    @DisplayName("Max open under the coin bracket table: the 20 BTC cap of the 50x brackets binds, in whole contracts")
    void maxOpenUnderTheCoinTierTable() {
        var big = OrderTicket.quote(account(10), order(Side.LONG, 50, Order.Kind.SIZE, 1, null),
                OrderTicket.Questions.NONE).maxOpen();
        assertEquals("tier", big.limitedBy());
        assertEquals(20, big.tierCap());
        assertEquals(12_000, big.size()); // ⌊20 × 60,000 / 100⌋
        assertEquals(20, big.notional(), 1e-12);
        assertEquals(0.4, big.initialMargin(), 1e-12);
        // with 150 contracts held on that side (0.25 BTC), the cap leaves ⌊19.75 × 600⌋
        var held = OrderTicket.quote(account(10, Position.cross("h", "BTCUSD_PERP", Side.LONG, 150, 60_000, 50)),
                order(Side.LONG, 50, Order.Kind.SIZE, 1, null), OrderTicket.Questions.NONE).maxOpen();
        assertEquals(11_850, held.size());
        // the balance binds at 20x: ⌊0.1 / (100 / 60,000 / 20 + 0.0005 × 100 / 60,000)⌋
        var small = OrderTicket.quote(account(0.1), order(Side.LONG, 20, Order.Kind.SIZE, 1, null),
                OrderTicket.Questions.NONE).maxOpen();
        assertEquals("balance", small.limitedBy());
        assertEquals(Math.floor(0.1 / (100 / 60_000.0 / 20 + 0.0005 * 100 / 60_000.0)), small.size());
        assertEquals(1188, small.size());
        assertTrue(small.cost() <= 0.1 && small.cost() + 100 / 60_000.0 / 20 > 0.1);
    }

    @Test
    @DisplayName("A margin or a notional in coin buys whole contracts (rounded down); a fractional size is refused")
    void marginAndNotionalToWholeContracts() {
        var m = OrderTicket.quote(account(1), order(Side.LONG, 20, Order.Kind.MARGIN, 0.01, null),
                OrderTicket.Questions.NONE);
        assertEquals(120, m.size()); // ⌊0.01 × 20 × 60,000 / 100⌋
        var n = OrderTicket.quote(account(1), order(Side.LONG, 20, Order.Kind.NOTIONAL, 0.1234, null),
                OrderTicket.Questions.NONE);
        assertEquals(74, n.size()); // ⌊0.1234 × 60,000 / 100⌋ = ⌊74.04⌋
        assertEquals(74 * 100 / 60_000.0, n.notional(), 1e-15);
        TicketException frac = assertThrows(TicketException.class, () -> OrderTicket.quote(account(1),
                order(Side.LONG, 20, Order.Kind.SIZE, 10.5, null), OrderTicket.Questions.NONE));
        assertEquals(Order.Field.AMOUNT, frac.field());
        assertTrue(frac.getMessage().contains("whole contracts"), frac.getMessage());
        TicketException tiny = assertThrows(TicketException.class, () -> OrderTicket.quote(account(1),
                order(Side.LONG, 20, Order.Kind.NOTIONAL, 0.001, null), OrderTicket.Questions.NONE));
        assertTrue(tiny.getMessage().contains("less than one contract"), tiny.getMessage());
    }

    @Test
    @DisplayName("Adding to an inverse position: the contract-weighted harmonic mean, not the arithmetic one")
    void averageEntryIsHarmonic() {
        Portfolio p = account(1, Position.cross("c1", "BTCUSD_PERP", Side.LONG, 300, 58_000, 20));
        var q = OrderTicket.quote(p, order(Side.LONG, 20, Order.Kind.SIZE, 100, null), OrderTicket.Questions.NONE);
        assertEquals(OrderPlacement.Effect.ADD, q.placement().effect());
        double harmonic = 400 / (300 / 58_000.0 + 100 / 60_000.0);
        assertEquals(harmonic, q.averageEntry(), 1e-9);
        assertEquals(58_487.39, q.averageEntry(), 0.005);
        assertNotEquals(58_500, q.averageEntry(), 1); // the size-weighted mean
        assertEquals(harmonic, q.placement().result().entryPrice(), 1e-9);
        // the coin value of the joined position is the sum of its fills'
        assertEquals(300 * 100 / 58_000.0 + 100 * 100 / 60_000.0, 400 * 100 / q.averageEntry(), 1e-12);
    }

    @Test
    @DisplayName("Before → after on the BTC pool: a cross order uses the BTC available balance, an isolated one the BTC wallet")
    void accountBeforeAndAfterOnTheCoinPool() {
        var q = OrderTicket.quote(account(0.25), order(Side.LONG, 20, Order.Kind.SIZE, 100, null),
                OrderTicket.Questions.NONE);
        double im = 100 * 100 / 60_000.0 / 20;
        assertEquals(0.25, q.poolBefore().availableBalance(), 1e-15);
        assertEquals(0.25 - im, q.poolAfter().availableBalance(), 1e-15);
        assertEquals(0.25, q.poolAfter().walletBalance(), 1e-15);
        assertEquals(10_000, q.after().account().walletBalance(), 0); // the USDT pool is not touched
        PoolRisk btc = RiskEngine.evaluate(q.placement().after()).pool("BTC").orElseThrow();
        assertEquals(btc.figures(), q.poolAfter());
        assertTrue(q.poolExplanations().get(com.perprisk.engine.explain.ExplainKey.AVAILABLE_BALANCE).quantity()
                .startsWith("BTC pool"));
        var iso = OrderTicket.quote(account(0.25), order(Side.SHORT, 5, Order.Kind.SIZE, 60, MarginMode.ISOLATED),
                OrderTicket.Questions.NONE);
        assertEquals(0.25 - 60 * 100 / 60_000.0 / 5, iso.placement().after().account().coinWallet("BTC"), 1e-15);
        assertEquals(0.25 - 0.02, iso.explanations().get("walletBalance").result(), 1e-15);
    }

    @Test
    @DisplayName("Closing an inverse position realizes side × C × cs × (1/EP₁ − 1/EP₂) in coin into the coin wallet")
    void closingRealizesCoinPnl() {
        Portfolio p = account(0.25, Position.cross("c1", "BTCUSD_PERP", Side.LONG, 300, 58_000, 20));
        var q = OrderTicket.quote(p, new Order("BTCUSD_PERP", Side.SHORT, 20, null, new Order.Amount(Order.Kind.SIZE,
                300), 66_000.0, null, "c1"), OrderTicket.Questions.NONE);
        assertEquals(OrderPlacement.Effect.CLOSE, q.placement().effect());
        double realized = 300 * 100 * (1 / 58_000.0 - 1 / 66_000.0);
        assertEquals(realized, q.placement().realizedPnl(), 1e-15);
        assertEquals(0.25 + realized, q.poolAfter().walletBalance(), 1e-15);
        assertNull(q.position());
    }

    @Test
    @DisplayName("Stop and loss budget in coin: ⌊budget / (cs × |1/S − 1/EP| + fee × cs × (1/EP + 1/S))⌋ contracts")
    void stopSizeInCoin() {
        var q = OrderTicket.quote(account(1), new Order("BTCUSD_PERP", Side.LONG, 3, null,
                new Order.Amount(Order.Kind.SIZE, 10), null, 0.0004, null),
                new OrderTicket.Questions(null, null, null, 57_000.0, 0.002));
        double perContract = 100 * (1 / 57_000.0 - 1 / 60_000.0) + 0.0004 * 100 * (1 / 60_000.0 + 1 / 57_000.0);
        assertEquals(Math.floor(0.002 / perContract), q.stopSize());
        assertEquals(22, q.stopSize());
        assertTrue(22 * perContract <= 0.002 && 23 * perContract > 0.002);
        TicketException wrongSide = assertThrows(TicketException.class, () -> OrderTicket.quote(account(1),
                order(Side.LONG, 3, Order.Kind.SIZE, 10, null), new OrderTicket.Questions(null, null, null, 61_000.0,
                        0.002)));
        assertEquals(Order.Field.STOP, wrongSide.field());
    }

    @Test
    @DisplayName("A cross inverse order needs the coin's wallet; the refusal names the mode field")
    void crossOrderWithoutACoinWallet() {
        Portfolio p = new Portfolio(new Account(10_000, PositionMode.ONE_WAY), List.of(btcusd(60_000, 0)), List.of(),
                720);
        TicketException e = assertThrows(TicketException.class, () -> OrderTicket.quote(p,
                order(Side.LONG, 20, Order.Kind.SIZE, 100, null), OrderTicket.Questions.NONE));
        assertEquals(Order.Field.MODE, e.field());
        assertTrue(e.getMessage().contains("BTC"), e.getMessage());
        // isolated is fine: its margin is its own
        var iso = OrderTicket.quote(p, order(Side.LONG, 20, Order.Kind.SIZE, 100, MarginMode.ISOLATED),
                OrderTicket.Questions.NONE);
        assertEquals(100, iso.size());
        assertNull(iso.placement().after().account().coinWallet("BTC"));
    }

    @Test
    @DisplayName("A leverage above the coin bracket's max is refused, naming the coin notional")
    void leverageAboveTheCoinBracket() {
        // 30,000 contracts at 60,000 are 50 BTC: bracket 5 (max 10x)
        TicketException e = assertThrows(TicketException.class, () -> OrderTicket.quote(account(100),
                order(Side.LONG, 20, Order.Kind.SIZE, 30_001, null), OrderTicket.Questions.NONE));
        assertEquals(Order.Field.LEVERAGE, e.field());
        assertTrue(e.getMessage().endsWith("BTC"), e.getMessage());
    }

    @Test
    @DisplayName("An isolated order whose coin margin is more than the coin wallet holds is refused at the size")
    void isolatedMarginBeyondTheCoinWallet() {
        // 600 contracts at 60,000, 2x: 0.5 BTC of margin from a 0.25 BTC wallet
        TicketException e = assertThrows(TicketException.class, () -> OrderTicket.quote(account(0.25),
                order(Side.LONG, 2, Order.Kind.SIZE, 600, MarginMode.ISOLATED), OrderTicket.Questions.NONE));
        assertEquals(Order.Field.AMOUNT, e.field());
        assertTrue(e.getMessage().contains("BTC cross wallet from 0.25 to −0.25 BTC"), e.getMessage());
    }
}
