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
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The venues' published worked examples for coin-margined contracts, through the engine (sources and numbers in
 * docs/inverse.md).
 */
class InverseWorkedExamplesTest {

    static Market market(String symbol, Convention c, double mark, double fee, TierTable tiers, double cs) {
        return new Market(symbol, c, mark, mark, fee, tiers, null, FundingTerms.NONE, null,
                Contract.inverse(cs, "BTC"));
    }

    static TierTable single(double maxLeverage, double mmr) {
        return TierTable.of(List.of(new Tier(0, Double.POSITIVE_INFINITY, maxLeverage, mmr, 0)));
    }

    /** A two-bracket BTC table whose upper bracket is the FAQ's for a 300 BTC BTCUSD position: 12.5%, 11.605 BTC. */
    static TierTable faqBrackets() {
        double lower = 0.125 - 11.605 / 250; // so that the recursion gives 250 × (12.5% − lower) = 11.605
        return TierTable.resolve(Convention.BINANCE_COINM, List.of(new TierSpec(0, 250, 5, lower, null),
                new TierSpec(250, 1000, 4, 0.125, null)));
    }

    static Portfolio one(Market m, Position p, double coinWallet) {
        return new Portfolio(new Account(0, PositionMode.ONE_WAY, Map.of("BTC", coinWallet)), List.of(m), List.of(p),
                720);
    }

    @Test
    void binanceCoinmMaintenanceMarginOf100ContractsAt25000() {
        // Binance FAQ: 100 BTCUSD contracts at mark 25,000: notional 100 × 100 / 25,000 = 0.4 BTC, level 1 (0.4%),
        // MM = 0.4 × 0.4% − 0 = 0.0016 BTC
        Market m = market("BTCUSD_PERP", Convention.BINANCE_COINM, 25_000, 0,
                TierTable.of(List.of(new Tier(0, 5, 125, 0.004, 0), new Tier(5, 10, 100, 0.005, 0.005),
                        new Tier(10, Double.POSITIVE_INFINITY, 50, 0.01, 0.055))), 100);
        PositionRisk r = RiskEngine.evaluate(one(m, Position.cross("p", "BTCUSD_PERP", Side.LONG, 100, 25_000, 20),
                1)).positions().get(0);
        assertEquals(0.4, r.notional(), 1e-15);
        assertEquals(0.0016, r.maintenanceMargin(), 1e-15);
        assertEquals(1, r.bracket());
        assertEquals("BTC", r.marginAsset());
    }

    @Test
    void binanceCoinmCalculatorCaseUsesTheBracketAtTheLiquidationPrice() {
        // Binance's calculator (dev.binance.vision thread): cross WB 101 BTC, long 100,000 BTCUSD contracts at
        // 45,000: LP 33,599.40. At LP the notional is ≈ 297.6 BTC: the FAQ's bracket for 300 BTC, MMR 12.5%,
        // maintenance amount 11.605 BTC, while the entry notional 222.2 BTC lies in the bracket below.
        Market m = market("BTCUSD_PERP", Convention.BINANCE_COINM, 45_000, 0, faqBrackets(), 100);
        Portfolio pf = one(m, Position.cross("p", "BTCUSD_PERP", Side.LONG, 100_000, 45_000, 2), 101);
        var lp = InverseSolver.liquidationPrice(pf, "p");
        // LP = C × cs × (1 + MMR) / (WB + cum + C × cs / EP)
        double formula = 100_000 * 100 * 1.125 / (101 + 11.605 + 100_000 * 100 / 45_000.0);
        assertEquals(formula, lp.price(), 1e-9 * formula);
        assertEquals(33_599.40, lp.price(), 0.05); // the calculator's figure, to its rounding
        assertEquals(1, lp.segment().brackets()[0]); // the second bracket (0-based 1) at LP
        PositionRisk r = RiskEngine.evaluate(pf).positions().get(0);
        assertEquals(1, r.bracket()); // at the mark the first bracket applies
        assertEquals(lp.price(), r.liquidationPrice());
    }

    @Test
    void bybitIsolatedInverseLongLiquidation() {
        // Bybit help (UTA, isolated, inverse): long 60,000 USD of BTCUSD at 50,000, 10x, MMR 0.5%:
        // PV = 1.2 BTC, IM = 0.12 BTC, MM = 0.006 BTC, LP = 60,000 / [1.2 + (0.12 − 0.006)] = 45,662.10
        Market m = market("BTCUSD", Convention.BYBIT_INVERSE, 50_000, 0, single(100, 0.005), 1);
        Portfolio pf = one(m, Position.isolated("p", "BTCUSD", Side.LONG, 60_000, 50_000, 10), 0);
        PositionRisk r = RiskEngine.evaluate(pf).positions().get(0);
        assertEquals(1.2, r.notional(), 1e-12);
        assertEquals(0.12, r.initialMargin(), 1e-12);
        assertEquals(0.006, r.maintenanceMargin(), 1e-12);
        assertEquals(60_000 / (1.2 + 0.114), r.liquidationPrice(), 1e-9);
        assertEquals(45_662.10, r.liquidationPrice(), 0.005);
        // the same page's short: LP = Q / [PV − (IM − MM)]
        Portfolio shortPf = one(m, Position.isolated("p", "BTCUSD", Side.SHORT, 60_000, 50_000, 10), 0);
        assertEquals(60_000 / (1.2 - 0.114), RiskEngine.evaluate(shortPf).positions().get(0).liquidationPrice(),
                1e-9);
    }

    @Test
    void bybitCrossInverseLongWithTheFeeToCloseAtBankruptcy() {
        // Bybit help "How to calculate Liquidation Price (Inverse Contract)", cross: balance 0.5 BTC, long 10,000
        // contracts at 8,000, MMR 0.5%, taker 0.075%: BP = 1.00075 × 10,000 / (10,000 / 8,000 + 0.5) = 5,718.57;
        // LP from 10,000 × (1/8,000 − 1/LP) = −(0.5 − 10,000/8,000 × 0.5% − 10,000 × 0.00075 / BP).
        Market m = market("BTCUSD", Convention.BYBIT_INVERSE, 8_000, 0.00075, single(100, 0.005), 1);
        Portfolio pf = one(m, Position.cross("p", "BTCUSD", Side.LONG, 10_000, 8_000, 100), 0.5);
        double bp = InverseSolver.bankruptcyPriceWithCloseFee(pf, "p").price();
        assertEquals(1.00075 * 10_000 / (10_000 / 8_000.0 + 0.5), bp, 1e-9);
        assertEquals(5_718.57, bp, 0.005);
        double lp = InverseSolver.liquidationPrice(pf, "p").price();
        double bybitEquation = 1 / (1 / 8_000.0 + (0.5 - 1.25 * 0.005 - 10_000 * 0.00075 / bp) / 10_000);
        assertEquals(bybitEquation, lp, 1e-9 * lp);
        // Bybit prints 5,739.50; its own equation with its own BP gives 5,739.08 (docs/inverse.md)
        assertEquals(5_739.50, lp, 5_739.50 * 1e-4);
        CoinPool pool = CoinPool.of(pf, "p");
        assertEquals(10_000 * 0.00075 / bp, pool.closeFeeAtBankruptcy(), 1e-15);
        assertEquals(1.0, pool.marginRatio(lp), 1e-12);
    }

    @Test
    void bitmexBankruptcyPricesAreEntryOverOnePlusOrMinusInitialMargin() {
        // BitMEX support's formulas (bitmex_utils README): long BP = EP / (1 + IM), short BP = EP / (1 − IM),
        // IM = 1 / leverage without fees; 1,000 XBTUSD contracts at 10,000, 10x
        Market m = market("XBTUSD", Convention.BITMEX, 10_000, 0.00075, single(100, 0.005), 1);
        Portfolio lng = one(m, Position.isolated("p", "XBTUSD", Side.LONG, 1_000, 10_000, 10), 0);
        Portfolio sht = one(m, Position.isolated("p", "XBTUSD", Side.SHORT, 1_000, 10_000, 10), 0);
        assertEquals(10_000 / 1.1, InverseSolver.bankruptcyPrice(lng, "p").price(), 1e-8);
        assertEquals(10_000 / 0.9, InverseSolver.bankruptcyPrice(sht, "p").price(), 1e-8);
        // MM = (0.5% + taker 0.075%) × value at mark (BitMEX: "0.5% × value + taker fee × value"): exact LP where
        // 0.01 + 1,000 × (1/10,000 − 1/P) = 0.00575 × 1,000 / P
        assertEquals(1_005.75 / 0.11, InverseSolver.liquidationPrice(lng, "p").price(), 1e-8);
        assertEquals(994.25 / 0.09, InverseSolver.liquidationPrice(sht, "p").price(), 1e-8);
    }

    @Test
    void deribitMaintenanceIsAShareOfThePositionInCoin() {
        // Deribit help "Futures leverage and margin": initial margin 10% (10x: 1 BTC opens 10 BTC), maintenance 5%
        // of the position, "if your position equals 100 BTC, you need a capital of minimum 5 BTC"; contract 10 USD
        Market m = new Market("BTC-PERPETUAL", Convention.BITMEX, 10_000, 10_000, 0, single(10, 0.05), null,
                FundingTerms.NONE, null, Contract.inverse(10, "BTC"));
        Portfolio pf = one(m, Position.cross("d", "BTC-PERPETUAL", Side.LONG, 100_000, 10_000, 10), 10);
        PositionRisk r = RiskEngine.evaluate(pf).positions().get(0);
        assertEquals(100, r.notional(), 1e-12);
        assertEquals(5, r.maintenanceMargin(), 1e-12);
        assertEquals(10, r.initialMargin(), 1e-12);
        // with 10 BTC of equity for 100 BTC, the margin ratio is MM / equity = 5 / 10
        assertEquals(0.5, r.marginRatio(), 1e-12);
    }

    @Test
    void aOneTimesShortNeverLiquidatesUnderAMarkBasedConvention() {
        for (Convention c : List.of(Convention.BINANCE_COINM, Convention.BITMEX)) {
            Market m = market("BTCUSD", c, 60_000, 0.0005, single(125, 0.004), 100);
            Portfolio pf = one(m, Position.isolated("p", "BTCUSD", Side.SHORT, 500, 60_000, 1), 0);
            PortfolioRisk r = RiskEngine.evaluate(pf);
            assertNull(r.positions().get(0).liquidationPrice(), c.name());
            assertNull(r.positions().get(0).bankruptcyPrice(), c.name());
            assertTrue(CoinPool.of(pf, "p").marginRatio(1e12) < 1, c.name());
        }
    }

    @Test
    void bybitsOneTimesShortLiquidatesWhereItsFixedMaintenanceExceedsTheValueLeft() {
        // Bybit's short formula with IM = PV (1x): LP = Q / [PV − (PV − MM)] = Q / MM = EP / MMR
        Market m = market("BTCUSD", Convention.BYBIT_INVERSE, 60_000, 0, single(100, 0.005), 1);
        Portfolio pf = one(m, Position.isolated("p", "BTCUSD", Side.SHORT, 60_000, 60_000, 1), 0);
        assertEquals(60_000 / 0.005, RiskEngine.evaluate(pf).positions().get(0).liquidationPrice(), 1e-6);
    }
}
