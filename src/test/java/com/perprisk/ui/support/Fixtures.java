package com.perprisk.ui.support;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DatedFuture;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.MarketRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;

import java.util.List;
import java.util.Map;

/** Portfolios built with the engine's value types, for the panels' tests. */
public final class Fixtures {
    private Fixtures() {
    }

    /** Binance USDⓈ-M BTCUSDT brackets as published 2024-10-24 (first six), cum derived by the recursion. */
    public static TierTable binanceBtc() {
        return TierTable.resolve(Convention.BINANCE, List.of(
                TierSpec.derived(0, 50_000, 125, 0.004),
                TierSpec.derived(50_000, 600_000, 100, 0.005),
                TierSpec.derived(600_000, 3_000_000, 75, 0.0065),
                TierSpec.derived(3_000_000, 12_000_000, 50, 0.01),
                TierSpec.derived(12_000_000, 70_000_000, 25, 0.02),
                TierSpec.derived(70_000_000, 100_000_000, 20, 0.025)));
    }

    /** Three markets, three positions: a BTC cross long, an ETH isolated short, the 54,271.36 isolated BTC long. */
    public static Portfolio portfolio() {
        Market btc = new Market("BTCUSDT", Convention.BINANCE, 60_000, 59_990, 0.0005, binanceBtc(), null,
                new FundingTerms(0.0001, 8), new DatedFuture(61_200, 90));
        Market eth = new Market("ETHUSDT", Convention.BINANCE, 3_000, 2_998, 0.0005, binanceBtc(), null,
                new FundingTerms(0.0002, 8), null);
        Market sol = new Market("SOLUSDT", Convention.BINANCE, 150, 150.3, 0.0005, binanceBtc(), null,
                new FundingTerms(-0.00005, 4), new DatedFuture(151.5, 30));
        return new Portfolio(new Account(10_000, PositionMode.ONE_WAY), List.of(btc, eth, sol), List.of(
                Position.cross("p1", "BTCUSDT", Side.LONG, 0.5, 58_000, 10),
                Position.isolated("p2", "ETHUSDT", Side.SHORT, 5, 3_100, 20),
                Position.isolated("p3", "BTCUSDT", Side.LONG, 1, 60_000, 10)), 720);
    }

    /** The worked example explanation: isolated long 1 BTC at 60,000, 10x, MMR 0.5%, LP 54,271.36. */
    public static Explanation lpExplanation() {
        return new Explanation("Liquidation price", "LP = (Q × EP − M + cum) / (Q × (1 − MMR))",
                List.of(new Term("Q", "position size", 1, "BTC"), new Term("EP", "entry price", 60_000, "USDT"),
                        new Term("M", "isolated margin", 6_000, "USDT"),
                        new Term("cum", "maintenance amount", 50, "USDT"),
                        new Term("MMR", "maintenance margin rate", 0.005, "rate")),
                "LP = (1 × 60000 − 6000 + 50) / (1 × (1 − 0.005))", 54_321.608,
                List.of("Binance measures maintenance at the liquidation price: bracket 2 (50,000–600,000)."));
    }

    /** Results written by hand, so that panels can be tested before the engine's evaluate exists. */
    public static PortfolioRisk handRisk() {
        Explanation acctRatio = new Explanation("Margin ratio", "MR = MM / (WB + uPnL)",
                List.of(new Term("MM", "maintenance margin", 120, "USDT"),
                        new Term("WB", "wallet balance", 10_000, "USDT"),
                        new Term("uPnL", "unrealized PnL", 1_000, "USDT")),
                "MR = 120 / (10000 + 1000)", 120.0 / 11_000, List.of("Cross pool only."));
        PositionRisk p1 = new PositionRisk("p1", "BTCUSDT", Side.LONG, MarginMode.CROSS, 30_000, 1_000, 0.345,
                2_900, 120, 0.004, 1, 11_000, 38_200.0, 37_900.0, 0.3633, 0.0109, 0.03, 2, -3.0, -270.0,
                Map.of());
        PositionRisk p2 = new PositionRisk("p2", "ETHUSDT", Side.SHORT, MarginMode.ISOLATED, 15_000, 500, 0.645,
                775, 60, 0.004, 1, 775, 3_240.0, 3_255.0, 0.08, 0.0774, 0.5, 4, 3.0, 270.0, Map.of());
        PositionRisk p3 = new PositionRisk("p3", "BTCUSDT", Side.LONG, MarginMode.ISOLATED, 60_000, 0, 0, 6_000,
                300, 0.005, 2, 6_000, 54_321.608, 54_000.0, 0.0946, 0.05, 0.0, 1, -6.0, -540.0,
                Map.of(ExplainKey.LIQUIDATION_PRICE, lpExplanation()));
        AccountRisk account = new AccountRisk(10_000, 1_000, 11_000, 2_900, 120, 120.0 / 11_000, 8_100);
        List<MarketRisk> markets = List.of(
                new MarketRisk("BTCUSDT", 10.0 / 59_990, 0.1095, 0.1157, 1_210.0, 1_210.0 / 59_990,
                        1_210.0 / 59_990 * 365 / 90),
                new MarketRisk("ETHUSDT", 2.0 / 2_998, 0.219, 0.2448, null, null, null),
                new MarketRisk("SOLUSDT", -0.3 / 150.3, -0.1095, -0.1038, 1.2, 1.2 / 150.3, 1.2 / 150.3 * 365 / 30));
        return new PortfolioRisk(account, List.of(p1, p2, p3), markets, Map.of(ExplainKey.MARGIN_RATIO, acctRatio),
                List.of("=HYPERLINK(\"x\") tier warning"));
    }

    /** dYdX's "slightly below maintenance" case: 0.1 BTC long at 50,000, IMF 20 %, MMF 10 %, wallet 499 (TMMR 500). */
    public static Portfolio dydxPortfolio() {
        Market m = Market.dydx("BTC-USD", 50_000, 50_000, 0.0005, com.perprisk.engine.DydxMargin.of(0.2, 0.5),
                FundingTerms.NONE, null);
        Position p = Position.cross("btc", "BTC-USD", Side.LONG, 0.1, 50_000, 5);
        return new Portfolio(new Account(499, PositionMode.ONE_WAY), List.of(m), List.of(p), 720);
    }
}
