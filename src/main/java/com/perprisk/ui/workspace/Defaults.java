package com.perprisk.ui.workspace;

import com.perprisk.io.PresetCatalog;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import com.perprisk.io.WorkspaceException;

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
                new AccountDoc(10_000.0, "ONE_WAY", Map.of()), com.perprisk.engine.RiskPolicy.DEFAULT_HORIZON_HOURS, List.of(btc), List.of(), Map.of());
    }

    /** The bundled preset of Binance USDⓈ-M BTCUSDT brackets as published 2024-10-24 (domain reference §1). */
    static final String BINANCE_BTC_2024 = "binance-btcusdt-2024-10-24";

    /** Binance USDⓈ-M BTCUSDT brackets as published 2024-10-24, read from the bundled preset. */
    static List<TierDoc> binanceBtc2024() {
        try {
            return PresetCatalog.tierDocs(BINANCE_BTC_2024);
        } catch (WorkspaceException e) {
            throw new IllegalStateException("the bundled preset " + BINANCE_BTC_2024 + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    /** A table for a market added by hand: Binance-like first brackets. */
    static List<TierDoc> defaultTiers() {
        return List.of(new TierDoc(0.0, 50_000.0, 50.0, 0.01, 0.0, Map.of()),
                new TierDoc(50_000.0, 250_000.0, 20.0, 0.025, 750.0, Map.of()),
                new TierDoc(250_000.0, 1_000_000.0, 10.0, 0.05, 7_000.0, Map.of()),
                new TierDoc(1_000_000.0, 5_000_000.0, 5.0, 0.10, 57_000.0, Map.of()));
    }
}
