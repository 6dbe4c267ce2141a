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
