package com.perprisk.ui.compare;

import com.perprisk.engine.Convention;
import com.perprisk.engine.compare.VenueComparison;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompareViewModelTest {

    @Test
    void everyConventionSideBySideWithTheCauseOfEachDifference() {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        CompareViewModel c = new CompareViewModel(vm.context(), vm.formats());
        c.refresh();
        assertEquals("", c.problemProperty().get());
        assertEquals(CompareViewModel.Quantity.values().length, c.rows().size());
        CompareViewModel.Row liq = c.rows().get(0);
        assertEquals(CompareViewModel.Quantity.LIQUIDATION_PRICE, liq.quantity());
        assertEquals(5, liq.values().size());
        assertEquals(Convention.BINANCE, liq.own());
        // the domain's worked example: 54,271.36 measured at P, 54,300 with MM at entry (Bybit's formula)
        assertEquals("54,271.36", liq.values().get(Convention.BINANCE));
        assertEquals("54,300.00", liq.values().get(Convention.BYBIT));
        assertTrue(liq.causes().contains(VenueComparison.MM_AT_ENTRY), liq.causes());
        assertTrue(liq.details().stream().anyMatch(d -> d.startsWith("Bybit vs Binance")), liq.details().toString());
        for (CompareViewModel.Row r : c.rows()) {
            r.values().values().forEach(v -> assertFalse(v.contains("NaN") || v.contains("∞"), v));
        }
    }

    @Test
    void withoutPositionsItSaysWhatToDo() {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.empty(), null);
        CompareViewModel c = new CompareViewModel(vm.context(), vm.formats());
        c.refresh();
        assertTrue(c.rows().isEmpty());
        assertTrue(c.problemProperty().get().startsWith("Add a position"));
    }

    /**
     * Issue 9 §2 defect 10: every venue's column used the market's own (Binance) tier table, so Hyperliquid and dYdX
     * equalled Binance. Each column now uses its venue's bundled preset for the asset and says which.
     */
    @Test
    void eachVenueUsesItsOwnPresetForTheSymbolAndSaysWhichOrThatNoneExists() {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null); // 1 BTC long at 60,000 on a Binance BTCUSDT market
        CompareViewModel c = new CompareViewModel(vm.context(), vm.formats());
        c.refresh();
        CompareViewModel.Row mm = c.rows().stream()
                .filter(r -> r.quantity() == CompareViewModel.Quantity.MAINTENANCE_MARGIN).findFirst().orElseThrow();
        // Hyperliquid BTC: max leverage 40 below 150M, MMR = 1 / (2 × 40): 60,000 / 80
        assertEquals(750, mm.raw().get(Convention.HYPERLIQUID), 1e-6);
        // dYdX large-cap liquidity tier: MMF = IMF 0.05 × maintenance fraction 0.6
        assertEquals(1_800, mm.raw().get(Convention.DYDX), 1e-6);
        assertTrue(mm.details().contains("Hyperliquid tiers: Hyperliquid BTC, 2026-11-21"), mm.details().toString());
        assertTrue(mm.details().contains("Binance tiers: the market's own tier table"), mm.details().toString());
        var sources = CompareViewModel.tableSources(vm.context().getPortfolio().requireMarket("BTCUSDT"));
        assertTrue(sources.get(Convention.DYDX).startsWith("dYdX v4 LARGE-CAP"), sources.toString());
        // a symbol no venue publishes a preset for says so instead of borrowing a table silently
        var doge = vm.context().getPortfolio().requireMarket("BTCUSDT");
        doge = new com.perprisk.engine.Market("DOGEUSDT", doge.convention(), 0.1, 0.1, doge.takerFeeRate(),
                doge.tiers(), null, doge.funding(), doge.future());
        assertEquals("no bundled preset for DOGEUSDT: the market's own table, carried over",
                CompareViewModel.tableSources(doge).get(Convention.HYPERLIQUID));
        // a cause is listed only where a figure differs from the market's own
        for (CompareViewModel.Row r : c.rows()) {
            if (r.raw().values().stream().distinct().count() == 1) {
                assertEquals("", r.causes(), r.quantity() + " agrees everywhere");
            }
        }
    }
}
