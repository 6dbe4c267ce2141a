package com.perprisk.ui.workspace;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace view model without a screen: edits, problems, undo/redo, dirty flag, position modes, files. */
class WorkspaceViewModelTest {
    private RiskContext ctx;
    private WorkspaceViewModel vm;
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void setUp() {
        ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.setClock(clock::get);
        vm.load(TestDocs.isolatedLong(), null);
    }

    private PositionRow p(int i) {
        return vm.positions().get(i);
    }

    private PositionRisk risk(int i) {
        return p(i).getRisk();
    }

    /** Moves the test clock past the undo-merge window. */
    private void later() {
        clock.addAndGet(5_000_000_000L);
    }

    @Test
    void loadingComputesResultsIntoTheContext() {
        assertNotNull(ctx.getRisk());
        assertNotNull(ctx.getPortfolio());
        assertEquals("", ctx.problemProperty().get());
        assertEquals(54_271.36, risk(0).liquidationPrice(), 0.01);
        assertEquals(60_000, risk(0).notional(), 1e-9);
        assertFalse(vm.isDirty());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void editingSizeUpdatesResults() {
        p(0).sizeProperty().set("2");
        assertEquals(120_000, risk(0).notional(), 1e-9);
        assertEquals(2.0, ctx.getPortfolio().positions().get(0).size());
        assertTrue(vm.isDirty());
        assertTrue(vm.titleProperty().get().contains("•"));
    }

    @Test
    void textThatIsNotANumberIsAProblemAtItsFieldAndNoResults() {
        p(0).sizeProperty().set("abc");
        InputProblem problem = vm.problemAt("positions[0].size").orElseThrow();
        assertTrue(problem.error());
        assertTrue(problem.message().contains("abc"));
        assertNull(ctx.getRisk());
        assertNull(ctx.getPortfolio());
        assertNull(risk(0));
        assertTrue(ctx.problemProperty().get().startsWith("Position p1 · size"), ctx.problemProperty().get());

        p(0).sizeProperty().set("1");
        assertTrue(vm.problems().isEmpty());
        assertNotNull(ctx.getRisk());
        assertEquals("", ctx.problemProperty().get());
    }

    @Test
    void invalidValuesFromTheMapperLandOnTheirField() {
        p(0).sizeProperty().set("-1");
        assertTrue(vm.problemAt("positions[0].size").isPresent(), vm.problems().toString());
        assertNull(ctx.getRisk());
        vm.account().walletBalanceProperty().set("-5");
        assertTrue(vm.problemAt("account.walletBalance").isPresent(), vm.problems().toString());
    }

    @Test
    void switchingCrossAndIsolatedChangesTheMarginBehindThePosition() {
        double isolatedLp = risk(0).liquidationPrice();
        p(0).marginModeProperty().set(MarginMode.CROSS);
        assertEquals(MarginMode.CROSS, risk(0).marginMode());
        assertNotEquals(isolatedLp, risk(0).liquidationPrice() == null ? 0 : risk(0).liquidationPrice(), 1.0);
        p(0).marginModeProperty().set(MarginMode.ISOLATED);
        assertEquals(isolatedLp, risk(0).liquidationPrice(), 1e-6);
    }

    @Test
    void editingATierChangesTheResults() {
        double mm = risk(0).maintenanceMargin();
        vm.markets().get(0).tiers().get(0).mmrPercentProperty().set("0.8");
        assertEquals(0.008, ctx.getPortfolio().markets().get(0).tiers().tier(0).mmr(), 1e-12);
        assertTrue(risk(0).maintenanceMargin() > mm);
    }

    @Test
    void anInvalidTierIsMarkedAtItsCell() {
        vm.markets().get(0).tiers().get(0).mmrPercentProperty().set("150");
        assertTrue(vm.problems().keySet().stream().anyMatch(k -> k.startsWith("markets[0].tiers")),
                vm.problems().toString());
        assertNull(ctx.getRisk());
    }

    @Test
    void oneWayModeAllowsOnePositionPerSymbol() {
        PositionRow second = vm.addPosition(); // goes to ETHUSDT, the free market
        assertEquals("ETHUSDT", second.symbolProperty().get());
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        second.symbolProperty().set("BTCUSDT");
        assertTrue(vm.problemAt("positions[1].symbol").orElseThrow().error(), vm.problems().toString());
        assertNull(second.getRisk(), "the duplicate has no results");
        assertNotNull(risk(0), "the isolated p1 does not depend on it");

        vm.account().positionModeProperty().set(PositionMode.HEDGE);
        second.sideProperty().set(Side.SHORT);
        assertTrue(vm.problems().values().stream().noneMatch(InputProblem::error), vm.problems().toString());
        assertNotNull(ctx.getRisk());

        second.sideProperty().set(Side.LONG);
        assertTrue(vm.problemAt("positions[1].side").orElseThrow().error(), vm.problems().toString());
    }

    @Test
    void duplicateInHedgeModeTakesTheFreeLeg() {
        vm.account().positionModeProperty().set(PositionMode.HEDGE);
        PositionRow copy = vm.duplicatePosition(p(0));
        assertEquals(Side.SHORT, copy.sideProperty().get());
        assertEquals("BTCUSDT", copy.symbolProperty().get());
        assertEquals(2, vm.positions().size());
        assertNotEquals(p(0).getId(), copy.getId());
        assertNotNull(ctx.getRisk());
    }

    @Test
    void duplicateInOneWayModeMovesToAFreeMarket() {
        PositionRow copy = vm.duplicatePosition(p(0));
        assertEquals("ETHUSDT", copy.symbolProperty().get());
        assertEquals(20.0, Double.parseDouble(copy.sizeProperty().get()), 1e-9); // same notional at ETH's mark
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
    }

    @Test
    void removeClearsTheSelection() {
        ctx.selectedPositionIdProperty().set("p1");
        vm.removePosition(p(0));
        assertTrue(vm.positions().isEmpty());
        assertNull(ctx.selectedPositionIdProperty().get());
        assertTrue(ctx.getRisk().positions().isEmpty());
    }

    @Test
    void undoAndRedoRestoreEdits() {
        p(0).sizeProperty().set("2");
        later();
        p(0).leverageProperty().set("20");
        assertTrue(vm.canUndoProperty().get());
        vm.undo();
        assertEquals("10", p(0).leverageProperty().get());
        assertEquals("2", p(0).sizeProperty().get());
        vm.undo();
        assertEquals("1", p(0).sizeProperty().get());
        assertFalse(vm.isDirty(), "back at the loaded state");
        assertFalse(vm.canUndoProperty().get());
        vm.redo();
        vm.redo();
        assertEquals("20", p(0).leverageProperty().get());
        assertEquals(120_000, risk(0).notional(), 1e-9);
        assertFalse(vm.canRedoProperty().get());
    }

    @Test
    void typingInOneFieldIsOneUndoStep() {
        p(0).sizeProperty().set("2");
        p(0).sizeProperty().set("25");
        p(0).sizeProperty().set("250");
        vm.undo();
        assertEquals("1", p(0).sizeProperty().get());
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void addAndRemoveAreUndoable() {
        vm.addPosition();
        assertEquals(2, vm.positions().size());
        vm.undo();
        assertEquals(1, vm.positions().size());
        vm.redo();
        assertEquals(2, vm.positions().size());
    }

    @Test
    void scenarioMovesEveryMarkButNotTheEnteredPortfolio() {
        ctx.scenarioMoveProperty().set(-0.05);
        assertEquals(57_000, ctx.getPortfolio().market("BTCUSDT").orElseThrow().markPrice(), 1e-6);
        assertEquals(60_000, ctx.enteredPortfolioProperty().get().market("BTCUSDT").orElseThrow().markPrice());
        assertEquals(57_000, risk(0).notional(), 1e-6);
        assertFalse(vm.isDirty(), "a scenario is not an edit");
        assertFalse(vm.canUndoProperty().get());
    }

    @Test
    void saveAndOpenRoundTrip(@TempDir Path dir) throws Exception {
        p(0).sizeProperty().set("0.75");
        vm.markets().get(1).futurePriceProperty().set("3100");
        vm.markets().get(1).futureDaysProperty().set("30");
        Path file = dir.resolve("round.perprisk.json");
        vm.files().saveAs(file);
        assertFalse(vm.isDirty());
        assertEquals(file, vm.getFile());
        assertTrue(vm.titleProperty().get().contains("round.perprisk.json"));
        assertFalse(vm.titleProperty().get().contains("•"));
        assertTrue(Files.size(file) > 100);

        WorkspaceViewModel other = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        other.files().open(file);
        assertEquals(vm.toDocument(), other.toDocument());
        assertEquals("0.75", other.positions().get(0).sizeProperty().get());
        assertEquals("3100", other.markets().get(1).futurePriceProperty().get());
        assertEquals(WorkspaceCodec.read(file), other.toDocument());
        assertFalse(other.isDirty());
    }

    @Test
    void openingABadFileChangesNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.perprisk.json");
        Files.writeString(bad, "{ not json");
        var before = vm.toDocument();
        try {
            vm.files().open(bad);
        } catch (com.perprisk.io.WorkspaceException expected) {
            // reported to the user by the window
        }
        assertEquals(before, vm.toDocument());
        assertNull(vm.getFile());
    }

    @Test
    void unknownFieldsSurviveEditing(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("extra.perprisk.json");
        Files.writeString(file, WorkspaceCodec.toJson(TestDocs.isolatedLong())
                .replace("\"name\"", "\"note\": \"kept\",\n  \"name\""));
        vm.files().open(file);
        p(0).sizeProperty().set("3");
        Path out = dir.resolve("out.perprisk.json");
        vm.files().saveAs(out);
        assertTrue(Files.readString(out).contains("\"note\""));
    }

    @Test
    void anUnknownVenueIsReportedAtItsFieldNotReplaced() {
        var doc = TestDocs.isolatedLong();
        var markets = new java.util.ArrayList<>(doc.markets());
        var m = markets.get(0);
        markets.set(0, new com.perprisk.io.WorkspaceDocument.MarketDoc(m.symbol(), "KRAKEN", m.markPrice(),
                m.indexPrice(), m.takerFeeRate(), m.tiers(), m.dydx(), m.funding(), m.future(), m.extra()));
        vm.load(doc.withMarkets(markets), null);
        assertNull(vm.markets().get(0).conventionProperty().get());
        assertTrue(vm.problemAt("markets[0].convention").orElseThrow().error(), vm.problems().toString());
        assertNull(ctx.getRisk());
    }

    @Test
    void newWorkspaceIsCleanAndComputes() {
        p(0).sizeProperty().set("2");
        vm.files().newWorkspace();
        assertFalse(vm.isDirty());
        assertNull(vm.getFile());
        assertTrue(vm.positions().isEmpty());
        assertNotNull(ctx.getRisk());
        PositionRow added = vm.addPosition();
        assertNotNull(added.getRisk(), vm.problems().toString());
    }

    @Test
    void addMarketAndTiers() {
        MarketRow m = vm.addMarket();
        assertEquals(3, vm.symbols().size());
        assertTrue(vm.symbols().contains(m.symbolProperty().get()));
        int n = m.tiers().size();
        vm.tiers().addTier(m);
        assertEquals(n + 1, m.tiers().size());
        assertTrue(vm.problems().values().stream().noneMatch(InputProblem::error), vm.problems().toString());
        m.symbolProperty().set("SOLUSDT");
        assertTrue(vm.symbols().contains("SOLUSDT"));
    }

    /**
     * Twenty positions on ten markets (hedge mode, half isolated), a valid workspace: the app's recalculation gives
     * exactly what calc's engine gives for the same document. Its speed is measured by bench/RecalculationProbe.
     */
    @Test
    void twentyPositionsRecomputeToTheEnginesFigures() {
        vm.load(TestDocs.twentyPositions(), null);
        vm.recompute();
        assertTrue(vm.problems().values().stream().noneMatch(InputProblem::error), vm.problems().toString());
        var expected = RiskEngine.evaluate(WorkspaceMapper.toPortfolio(TestDocs.twentyPositions()).portfolio());
        assertNotNull(ctx.getRisk());
        assertEquals(20, ctx.getRisk().positions().size());
        for (int i = 0; i < 20; i++) {
            PositionRisk shown = ctx.getRisk().positions().get(i);
            PositionRisk want = expected.positions().get(i);
            assertEquals(want.id(), shown.id());
            // the app's text fields and the file's numbers may differ in the last bits of a double
            close(want.liquidationPrice(), shown.liquidationPrice(), want.id());
            close(want.maintenanceMargin(), shown.maintenanceMargin(), want.id());
            close(want.marginRatio(), shown.marginRatio(), want.id());
        }
        close(expected.account().marginBalance(), ctx.getRisk().account().marginBalance(), "margin balance");
        close(expected.account().marginRatio(), ctx.getRisk().account().marginRatio(), "margin ratio");
        assertTrue(ctx.getRisk().positions().stream().anyMatch(p -> p.liquidationPrice() != null));
    }

    private static void close(Double want, Double got, String what) {
        if (want == null || got == null) {
            assertEquals(want, got, what);
        } else {
            assertEquals(want, got, 1e-9 * Math.max(1, Math.abs(want)), what);
        }
    }
}
