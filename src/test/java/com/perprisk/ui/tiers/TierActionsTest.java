package com.perprisk.ui.tiers;

import com.perprisk.engine.Convention;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.InputProblem;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Presets and imports replace a market's tier table in one undo step, without a screen. */
class TierActionsTest {
    private RiskContext ctx;
    private WorkspaceViewModel vm;
    private TierActions actions;
    private MarketRow btc;

    @BeforeEach
    void setUp() {
        ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        actions = new TierActions(vm);
        btc = vm.markets().get(0);
    }

    @Test
    void theCatalogueListsDatedPresets() {
        var presets = TierActions.presets();
        assertFalse(presets.isEmpty());
        assertTrue(presets.stream().anyMatch(p -> p.id().equals("binance-btcusdt-2024-10-24")));
    }

    @Test
    void applyingAPresetReplacesTheTableAndIsOneUndoStep() throws Exception {
        actions.applyPreset(btc, "binance-btcusdt-2024-10-24");
        assertEquals(12, btc.tiers().size());
        assertEquals("0.4", btc.tiers().get(0).mmrPercentProperty().get());
        assertEquals(Convention.BINANCE, btc.conventionProperty().get());
        assertTrue(btc.tierSourceProperty().get().contains("2024-10-24"));
        assertNotNull(ctx.getRisk(), vm.problems().toString());
        assertEquals(2, ctx.getRisk().positions().get(0).bracket(), "60,000 notional is in the second bracket");
        assertTrue(vm.isDirty());

        vm.undo();
        assertEquals(1, btc.tiers().size());
        assertFalse(vm.isDirty());
    }

    @Test
    void aPresetSwitchesTheConvention() throws Exception {
        String hl = TierActions.presets().stream().filter(p -> p.convention().equals("HYPERLIQUID")).findFirst()
                .orElseThrow().id();
        actions.applyPreset(btc, hl);
        assertEquals(Convention.HYPERLIQUID, btc.conventionProperty().get());
        assertTrue(vm.problems().values().stream().noneMatch(InputProblem::error), vm.problems().toString());
        assertNotNull(ctx.getRisk());
    }

    @Test
    void aDydxPresetReplacesBracketsWithLiquidityTierParameters() throws Exception {
        actions.applyPreset(btc, "dydx-large-cap");
        assertEquals(Convention.DYDX, btc.conventionProperty().get());
        assertTrue(btc.hasDydx());
        assertEquals("5", btc.dydxImfPercentProperty().get(), "Large-Cap IMF 5%");
        assertTrue(btc.tiers().isEmpty());
        assertTrue(vm.problems().values().stream().noneMatch(InputProblem::error), vm.problems().toString());
        assertNotNull(ctx.getRisk());
        double mm = ctx.getRisk().positions().get(0).maintenanceMargin();
        btc.dydxImfPercentProperty().set("10");
        assertTrue(ctx.getRisk().positions().get(0).maintenanceMargin() > mm, "a larger IMF raises MM");
        btc.dydxImfPercentProperty().set("x");
        assertTrue(vm.problemAt("markets[0].dydx.initialMarginFraction").isPresent(), vm.problems().toString());
        vm.undo();
        vm.undo();
        vm.undo();
        assertEquals(Convention.BINANCE, btc.conventionProperty().get());
        assertFalse(btc.hasDydx());
        assertEquals(1, btc.tiers().size());
    }

    @Test
    void importCsv() throws Exception {
        actions.importCsv(btc, """
                floor,cap,maxLeverage,mmr,maintenanceAmount
                0,50000,125,0.004,0
                50000,600000,100,0.005,50
                """, "brackets.csv");
        assertEquals(2, btc.tiers().size());
        assertEquals("600000", btc.tiers().get(1).capProperty().get());
        assertTrue(btc.tierSourceProperty().get().contains("brackets.csv"));
        assertNotNull(ctx.getRisk(), vm.problems().toString());
    }

    @Test
    void importBinanceLeverageBrackets() throws Exception {
        btc.conventionProperty().set(Convention.OKX);
        actions.importBinance(btc, """
                [{"symbol":"ETHUSDT","brackets":[{"bracket":1,"initialLeverage":100,"notionalCap":10000,
                  "notionalFloor":0,"maintMarginRatio":0.005,"cum":0.0}]},
                 {"symbol":"BTCUSDT","brackets":[
                  {"bracket":1,"initialLeverage":125,"notionalCap":50000,"notionalFloor":0,"maintMarginRatio":0.004,"cum":0.0},
                  {"bracket":2,"initialLeverage":100,"notionalCap":600000,"notionalFloor":50000,"maintMarginRatio":0.005,"cum":50.0},
                  {"bracket":3,"initialLeverage":75,"notionalCap":3000000,"notionalFloor":600000,"maintMarginRatio":0.0065,"cum":950.0}]}]
                """, "leverageBracket.json");
        assertEquals(3, btc.tiers().size(), "the market's own symbol is taken from the array");
        assertEquals(Convention.BINANCE, btc.conventionProperty().get());
        assertEquals("125", btc.tiers().get(0).maxLeverageProperty().get());
        assertEquals("0.65", btc.tiers().get(2).mmrPercentProperty().get());
        assertNotNull(ctx.getRisk(), vm.problems().toString());
        vm.undo();
        assertEquals(Convention.OKX, btc.conventionProperty().get());
        assertEquals(1, btc.tiers().size());
    }

    @Test
    void aBadImportChangesNothing() {
        assertThrows(Exception.class, () -> actions.importCsv(btc, "nothing useful here", "x.csv"));
        assertEquals(1, btc.tiers().size());
        assertFalse(vm.isDirty());
    }

    /** Issue 9 §2 defect 11: the "Imported from …" label outlived an undo of the import and a load of another file. */
    @Test
    void theImportLabelGoesWithUndoAndWithAnotherWorkspace() throws Exception {
        String csv = "floor,cap,maxLeverage,mmr,maintenanceAmount\n0,50000,125,0.004,0\n50000,600000,100,0.005,50\n";
        actions.importCsv(btc, csv, "brackets.csv");
        assertEquals("Imported from brackets.csv", btc.tierSourceProperty().get());
        vm.undo();
        assertEquals("", btc.tierSourceProperty().get(), "the typed-in table is back: no import label");
        actions.importCsv(btc, csv, "brackets.csv");
        vm.load(TestDocs.isolatedLong(), null); // the row is reused for the other workspace's market
        assertEquals("", vm.markets().get(0).tierSourceProperty().get());
    }

    /** Issue 9 §2 defect 11: editing one MMR flagged every later maintenance amount with no way to recompute them. */
    @Test
    void recomputeFromHereSetsTheLaterAmountsByTheRecursionInOneUndoStep() throws Exception {
        actions.importCsv(btc, "floor,cap,maxLeverage,mmr,maintenanceAmount\n0,50000,125,0.004,0\n"
                + "50000,600000,100,0.005,50\n600000,3000000,75,0.0065,950\n", "brackets.csv");
        btc.tiers().get(1).mmrPercentProperty().set("0.6");
        assertTrue(actions.recomputeAmountsFrom(btc, 1));
        // cum₂ = 0 + 50,000 × (0.6% − 0.4%) = 100; cum₃ = 100 + 600,000 × (0.65% − 0.6%) = 400
        assertEquals("100", btc.tiers().get(1).maintenanceAmountProperty().get());
        assertEquals("400", btc.tiers().get(2).maintenanceAmountProperty().get());
        assertEquals("0", btc.tiers().get(0).maintenanceAmountProperty().get(), "rows above are left alone");
        assertTrue(vm.problems().keySet().stream().noneMatch(p -> p.contains("maintenanceAmount")),
                vm.problems().toString());
        vm.undo(); // the recomputation is one step
        assertEquals("50", btc.tiers().get(1).maintenanceAmountProperty().get());
        assertEquals("950", btc.tiers().get(2).maintenanceAmountProperty().get());
        assertEquals("0.6", btc.tiers().get(1).mmrPercentProperty().get());
        btc.tiers().get(2).mmrPercentProperty().set("abc");
        assertFalse(actions.recomputeAmountsFrom(btc, 1), "a bad MMR: nothing changes");
        assertEquals("50", btc.tiers().get(1).maintenanceAmountProperty().get());
    }
}
