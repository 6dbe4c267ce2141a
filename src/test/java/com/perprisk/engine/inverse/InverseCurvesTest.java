package com.perprisk.engine.inverse;

import com.perprisk.engine.Account;
import com.perprisk.engine.Contract;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.margin.AverageEntry;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.RiskCurves;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Charts, funding, hedge legs and the average entry of inverse positions. */
class InverseCurvesTest {
    static final TierTable TABLE = TierTable.of(List.of(new Tier(0, 5, 125, 0.004, 0),
            new Tier(5, 10, 100, 0.005, 0.005), new Tier(10, Double.POSITIVE_INFINITY, 50, 0.01, 0.055)));

    static Market btcusd(double mark) {
        return new Market("BTCUSD_PERP", Convention.BINANCE_COINM, mark, mark, 0.0005, TABLE, null,
                new FundingTerms(0.0001, 8), null, Contract.inverse(100, "BTC"));
    }

    static Portfolio pf(PositionMode mode, double wallet, Position... positions) {
        return new Portfolio(new Account(1_000, mode, Map.of("BTC", wallet)), List.of(btcusd(60_000)),
                List.of(positions), 720);
    }

    @Test
    void theEquityCurveIsInCoinAndItsRatioIsOneAtTheLiquidationPrice() {
        Portfolio p = pf(PositionMode.ONE_WAY, 0.5, Position.cross("c", "BTCUSD_PERP", Side.LONG, 600, 58_000, 20));
        double lp = RiskEngine.evaluate(p).positions().get(0).liquidationPrice();
        var curve = RiskCurves.equityCurve(p, "c", new double[] {lp, 60_000});
        assertEquals(1.0, curve.marginRatio()[0], 1e-9);
        // at the mark: the BTC wallet plus the coin PnL
        assertEquals(0.5 + 600 * 100 * (1 / 58_000.0 - 1 / 60_000.0), curve.balance()[1], 1e-12);
        assertEquals(List.of(lp), RiskCurves.liquidationPrices(p));
    }

    @Test
    void fundingIsPaidInCoinOnTheNotionalAtTheMark() {
        Position c = Position.cross("c", "BTCUSD_PERP", Side.LONG, 600, 58_000, 20);
        Portfolio p = pf(PositionMode.ONE_WAY, 0.5, c);
        // −side × C × cs / MP × F = −600 × 100 / 60,000 × 0.0001 = −0.0001 BTC
        assertEquals(-0.0001, FundingPayment.perSettlement(c, p.markets().get(0)), 1e-15);
        assertEquals(-0.0001, RiskEngine.evaluate(p).positions().get(0).fundingPerSettlement(), 1e-15);
        var drift = RiskCurves.fundingDrift(p, "c", 3);
        // the BTC wallet pays it, so the long's liquidation price rises settlement by settlement
        assertTrue(drift.liquidationPrice()[3] > drift.liquidationPrice()[0]);
        Portfolio paid = pf(PositionMode.ONE_WAY, 0.5 - 3 * 0.0001, c);
        assertEquals(RiskEngine.evaluate(paid).positions().get(0).liquidationPrice(), drift.liquidationPrice()[3],
                1e-6);
    }

    @Test
    void hedgeLegsShareTheCoinPoolsPriceByTheFaqsHedgeFormula() {
        Position l = Position.cross("l", "BTCUSD_PERP", Side.LONG, 900, 58_000, 20);
        Position s = Position.cross("s", "BTCUSD_PERP", Side.SHORT, 300, 61_000, 20);
        Portfolio p = pf(PositionMode.HEDGE, 0.05, l, s);
        PortfolioRisk r = RiskEngine.evaluate(p);
        double lp = r.position("l").orElseThrow().liquidationPrice();
        assertEquals(lp, r.position("s").orElseThrow().liquidationPrice());
        // Binance COIN-M FAQ, hedge: LP = (L × MMR_L + S × MMR_S + L − S) × CM
        //                              / (WB + cum_L + cum_S + (L / EP_L − S / EP_S) × CM), brackets at LP
        double nl = 900 * 100 / lp;
        double ns = 300 * 100 / lp;
        Tier tl = TABLE.bracketOf(nl);
        Tier ts = TABLE.bracketOf(ns);
        double faq = (900 * tl.mmr() + 300 * ts.mmr() + 900 - 300) * 100
                / (0.05 + tl.maintenanceAmount() + ts.maintenanceAmount() + (900 / 58_000.0 - 300 / 61_000.0) * 100);
        assertEquals(faq, lp, 1e-9 * lp);
        assertEquals(1.0, CoinPool.of(p, "l").marginRatio(lp), 1e-9);
    }

    @Test
    void theTicketsAddToJoinsAnInversePositionAtTheHarmonicMean() {
        Portfolio p = pf(PositionMode.ONE_WAY, 0.5, Position.cross("c", "BTCUSD_PERP", Side.LONG, 100, 50_000, 20));
        var placed = com.perprisk.engine.margin.OrderPlacement.place(p, new com.perprisk.engine.margin.Order(
                "BTCUSD_PERP", Side.LONG, 20, null, new com.perprisk.engine.margin.Order.Amount(
                com.perprisk.engine.margin.Order.Kind.SIZE, 300), 60_000.0, 0.0, "c"));
        Position joined = placed.after().positions().get(0);
        assertEquals(400, joined.size());
        assertEquals(400 / (100 / 50_000.0 + 300 / 60_000.0), joined.entryPrice(), 1e-9);
    }

    @Test
    void anIsolatedInverseOrderPostsItsCoinMarginFromTheCoinWalletAndClosesInCoin() {
        Portfolio p = pf(PositionMode.ONE_WAY, 0.5);
        var open = com.perprisk.engine.margin.OrderPlacement.place(p, new com.perprisk.engine.margin.Order(
                "BTCUSD_PERP", Side.SHORT, 20, com.perprisk.engine.MarginMode.ISOLATED,
                new com.perprisk.engine.margin.Order.Amount(com.perprisk.engine.margin.Order.Kind.SIZE, 300),
                60_000.0, 0.0, null));
        // IM = C × cs / EP / L = 300 × 100 / 60,000 / 20 = 0.025 BTC, from the BTC wallet; USDT untouched
        assertEquals(0.5 - 0.025, open.after().account().coinWallet("BTC"), 1e-15);
        assertEquals(1_000, open.after().account().walletBalance());
        String id = open.result().id();
        var close = com.perprisk.engine.margin.OrderPlacement.place(open.after(), new com.perprisk.engine.margin.Order(
                "BTCUSD_PERP", Side.LONG, 20, null, new com.perprisk.engine.margin.Order.Amount(
                com.perprisk.engine.margin.Order.Kind.SIZE, 300), 50_000.0, 0.0, id));
        // the short gains 300 × 100 × (1/50,000 − 1/60,000) = 0.1 BTC; its 0.025 BTC margin comes back
        double gain = 300 * 100 * (1 / 50_000.0 - 1 / 60_000.0);
        assertEquals(gain, close.realizedPnl(), 1e-15);
        assertEquals(0.5 + gain, close.after().account().coinWallet("BTC"), 1e-12);
    }

    @Test
    void theAverageEntryOfInverseFillsIsTheContractWeightedHarmonicMean() {
        List<AverageEntry.Fill> fills = List.of(new AverageEntry.Fill(100, 50_000), new AverageEntry.Fill(300, 60_000));
        // 400 contracts over 100/50,000 + 300/60,000 = 0.007 coin per unit of size: 57,142.857…
        assertEquals(400 / 0.007, AverageEntry.inverse(fills), 1e-9);
        assertEquals(AverageEntry.inverse(fills), AverageEntry.of(Contract.inverse(100, "BTC"), fills));
        assertEquals(57_500, AverageEntry.of(Contract.LINEAR, fills), 1e-9);
        // the joined position's coin value is the sum of the fills'
        double cs = 100;
        assertEquals(100 * cs / 50_000 + 300 * cs / 60_000, 400 * cs / AverageEntry.inverse(fills), 1e-15);
        assertEquals(AverageEntry.inverse(fills), AverageEntry.explainInverse(fills).result());
    }
}
