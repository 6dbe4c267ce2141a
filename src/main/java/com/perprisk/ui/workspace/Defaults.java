package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What File › New starts from: a 10,000 USDT one-way account with BTCUSDT on Binance's published brackets. */
final class Defaults {
    private Defaults() {
    }

    static WorkspaceDocument newDocument() {
        MarketDoc btc = new MarketDoc("BTCUSDT", "BINANCE", 60_000.0, 60_000.0, 0.0005, binanceBtc2024(), null,
                new FundingDoc(0.0001, 8.0, Map.of()), null, Map.of());
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, "Untitled",
                new AccountDoc(10_000.0, "ONE_WAY", Map.of()), 720.0, List.of(btc), List.of(), Map.of());
    }

    /** Binance USDⓈ-M BTCUSDT brackets as published 2024-10-24 (domain reference §1). */
    static List<TierDoc> binanceBtc2024() {
        double[][] rows = {
                {0, 50_000, 125, 0.004, 0},
                {50_000, 600_000, 100, 0.005, 50},
                {600_000, 3_000_000, 75, 0.0065, 950},
                {3_000_000, 12_000_000, 50, 0.01, 11_450},
                {12_000_000, 70_000_000, 25, 0.02, 131_450},
                {70_000_000, 100_000_000, 20, 0.025, 481_450},
                {100_000_000, 230_000_000, 10, 0.05, 2_981_450},
                {230_000_000, 480_000_000, 5, 0.10, 14_481_450},
                {480_000_000, 600_000_000, 4, 0.125, 26_481_450},
                {600_000_000, 800_000_000, 3, 0.15, 41_481_450},
                {800_000_000, 1_200_000_000, 2, 0.25, 121_481_450},
                {1_200_000_000, 1_800_000_000, 1, 0.50, 421_481_450},
        };
        List<TierDoc> out = new ArrayList<>();
        for (double[] r : rows) {
            out.add(new TierDoc(r[0], r[1], r[2], r[3], r[4], Map.of()));
        }
        return out;
    }

    /** A table for a market added by hand: Binance-like first brackets. */
    static List<TierDoc> defaultTiers() {
        return List.of(new TierDoc(0.0, 50_000.0, 50.0, 0.01, 0.0, Map.of()),
                new TierDoc(50_000.0, 250_000.0, 20.0, 0.025, 750.0, Map.of()),
                new TierDoc(250_000.0, 1_000_000.0, 10.0, 0.05, 7_000.0, Map.of()),
                new TierDoc(1_000_000.0, 5_000_000.0, 5.0, 0.10, 57_000.0, Map.of()));
    }
}
