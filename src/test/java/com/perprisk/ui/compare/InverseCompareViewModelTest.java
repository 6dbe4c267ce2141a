package com.perprisk.ui.compare;

import com.perprisk.engine.ContractType;
import com.perprisk.engine.Convention;
import com.perprisk.engine.compare.VenueComparison;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison of a workspace with coin-margined contracts, without a screen: the inverse venues, coin amounts. */
class InverseCompareViewModelTest {
    @Test
    void theInverseVenuesAreComparedAndEachAmountNamesItsCoin() throws Exception {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        var doc = WorkspaceCodec.read(Path.of("resources/workspaces/coin-margined-mix.perprisk.json"));
        vm.load(doc, null);
        CompareViewModel c = new CompareViewModel(vm.context(), vm.formats());
        c.refresh();
        assertEquals("", c.problemProperty().get());
        assertEquals(Convention.of(ContractType.INVERSE), c.shownConventions());
        VenueComparison.Comparison engine = VenueComparison.compare(WorkspaceMapper.toPortfolio(doc).portfolio(),
                VenuePresets::carry);
        for (CompareViewModel.Row r : c.rows()) {
            assertEquals(Convention.of(ContractType.INVERSE), java.util.List.copyOf(r.values().keySet()));
            r.values().values().forEach(v -> assertFalse(v.contains("NaN") || v.contains("∞"), v));
            if (r.quantity() == CompareViewModel.Quantity.MAINTENANCE_MARGIN) {
                String asset = r.positionId().startsWith("btc") ? "BTC" : r.positionId().startsWith("eth") ? "ETH"
                        : "USDT";
                for (Convention conv : c.shownConventions()) {
                    double mm = engine.risks().get(conv).position(r.positionId()).orElseThrow().maintenanceMargin();
                    assertEquals(Amounts.money(vm.formats(), mm, asset), r.values().get(conv),
                            r.positionId() + " " + conv);
                }
            }
        }
        // Bybit inverse's column uses Bybit's bundled BTCUSD preset for BTCUSD_PERP (the same asset, in BTC)
        assertTrue(VenuePresets.source(vm.context().getPortfolio().requireMarket("BTCUSD_PERP"),
                Convention.BYBIT_INVERSE).contains("Bybit (inverse) BTCUSD"), "the Bybit inverse preset");
    }

    @Test
    void aLinearWorkspaceStillComparesTheLinearVenues() {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(com.perprisk.ui.workspace.TestDocs.isolatedLong(), null);
        CompareViewModel c = new CompareViewModel(vm.context(), vm.formats());
        c.refresh();
        assertEquals(Convention.of(ContractType.LINEAR), c.shownConventions());
        assertEquals("54,271.36", c.rows().get(0).values().get(Convention.BINANCE));
    }
}
