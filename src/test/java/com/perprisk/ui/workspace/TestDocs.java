package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.util.List;
import java.util.Map;

/** Small workspaces with known answers, shared by the UI tests. */
public final class TestDocs {
    private TestDocs() {
    }

    /**
     * BTCUSDT (Binance, one bracket MMR 0.5%, mark 60,000) and ETHUSDT (two brackets, mark 3,000); one isolated long
     * of 1 BTC at 60,000, 10x: the domain reference's worked example, liquidation price 54,271.36.
     */
    public static WorkspaceDocument isolatedLong() {
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, "Teaching",
                new AccountDoc(10_000.0, "ONE_WAY", Map.of()), 720.0,
                List.of(btc(), eth()),
                List.of(new PositionDoc("p1", "BTCUSDT", "LONG", 1.0, 60_000.0, 10.0, "ISOLATED", null, null,
                        Map.of())),
                Map.of());
    }

    /** The same markets without positions. */
    public static WorkspaceDocument empty() {
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, "Empty",
                new AccountDoc(10_000.0, "ONE_WAY", Map.of()), 720.0, List.of(btc(), eth()), List.of(), Map.of());
    }

    /**
     * 20 positions on 10 markets (a long and a short leg each, hedge mode; half cross, half isolated), every market on
     * Binance's 12-bracket BTCUSDT table: the size the timing target talks about (the position-mode rules allow
     * at most two legs per symbol, so 20 positions need 10 markets).
     */
    public static WorkspaceDocument twentyPositions() {
        return positions(20, "Twenty");
    }

    /** {@code n} positions (n even), a long and a short in each of n / 2 Binance markets, cross and isolated mixed. */
    public static WorkspaceDocument positions(int n, String name) {
        List<MarketDoc> markets = new java.util.ArrayList<>();
        List<PositionDoc> positions = new java.util.ArrayList<>();
        for (int m = 0; m < n / 2; m++) {
            double mark = m == 0 ? 60_000 : 100.0 * m;
            String symbol = m == 0 ? "BTCUSDT" : "M" + m + "USDT";
            markets.add(new MarketDoc(symbol, "BINANCE", mark, mark, 0.0005, Defaults.binanceBtc2024(), null,
                    new FundingDoc(0.0001, 8.0, Map.of()), null, Map.of()));
            for (int leg = 0; leg < 2; leg++) {
                int i = positions.size();
                positions.add(new PositionDoc("p" + (i + 1), symbol, leg == 0 ? "LONG" : "SHORT",
                        20_000 / mark, mark * (leg == 0 ? 0.99 : 1.01), 10.0, i % 4 < 2 ? "CROSS" : "ISOLATED",
                        null, null, Map.of()));
            }
        }
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, name,
                new AccountDoc(12_500.0 * n, "HEDGE", Map.of()), 720.0, markets, positions, Map.of());
    }

    static MarketDoc btc() {
        return new MarketDoc("BTCUSDT", "BINANCE", 60_000.0, 60_000.0, 0.0005,
                List.of(new TierDoc(0.0, 1_000_000_000.0, 100.0, 0.005, 0.0, Map.of())), null,
                new FundingDoc(0.0001, 8.0, Map.of()), null, Map.of());
    }

    static MarketDoc eth() {
        return new MarketDoc("ETHUSDT", "BINANCE", 3_000.0, 3_000.0, 0.0005,
                List.of(new TierDoc(0.0, 50_000.0, 100.0, 0.005, 0.0, Map.of()),
                        new TierDoc(50_000.0, 1_000_000.0, 50.0, 0.01, 250.0, Map.of())), null,
                new FundingDoc(0.0001, 8.0, Map.of()), null, Map.of());
    }
}
