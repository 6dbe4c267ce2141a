package com.perprisk.ui.playback;

import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Playback without a screen: path sources, stepping, seeking, what the workspace shows, and reset. */
class PlaybackViewModelTest {
    private WorkspaceViewModel vm;
    private PlaybackViewModel p;

    @BeforeEach
    void setUp() {
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        p = new PlaybackViewModel(vm);
    }

    private double shownMark() {
        return vm.context().getPortfolio().requireMarket("BTCUSDT").markPrice();
    }

    @Test
    void stepsMoveTheMarksOfTheWholeWorkspaceWithoutMakingItDirty() {
        p.stepsProperty().set(20);
        assertTrue(p.prepare(), p.problemProperty().get());
        assertEquals(0, p.tickProperty().get());
        assertEquals(60_000, shownMark(), 1e-9);
        p.step();
        assertEquals(1, p.tickProperty().get());
        assertEquals(p.pathProperty().get().mark("BTCUSDT", 1), shownMark(), 1e-9);
        assertNotEquals(60_000, shownMark());
        // the results follow the tick
        assertEquals(p.pathProperty().get().mark("BTCUSDT", 1) * 1, vm.context().getRisk().position("p1")
                .orElseThrow().notional(), 1e-6);
        assertFalse(vm.isDirty());
        assertFalse(vm.canUndoProperty().get());
        assertTrue(p.statusProperty().get().startsWith("t = 1 h"), p.statusProperty().get());
    }

    @Test
    void theSameSeedPlaysTheSamePathAndAnotherSeedAnother() {
        p.seedProperty().set(5);
        p.prepare();
        var first = p.pathProperty().get();
        p.prepare();
        assertEquals(first, p.pathProperty().get());
        p.seedProperty().set(6);
        p.prepare();
        assertNotEquals(first, p.pathProperty().get());
    }

    @Test
    void seekingBackShowsOnlyTheEventsUpToTheTick() {
        p.volatilityProperty().set(0.8);
        p.stepsProperty().set(200);
        p.prepare();
        p.toEnd();
        int all = p.log().size();
        assertTrue(all > 0, "funding settles every 8 hours");
        p.seek(8);
        assertTrue(p.log().stream().allMatch(r -> r.step() <= 8));
        assertTrue(p.log().size() < all);
        p.seek(p.lastTickProperty().get());
        assertEquals(all, p.log().size());
    }

    @Test
    void aFallDrawnByHandLiquidatesTheLongAndTheLogSaysSo() {
        p.stepsProperty().set(10);
        p.draw("BTCUSDT", 5, 57_000);
        p.draw("BTCUSDT", 10, 50_000);
        assertEquals(PlaybackViewModel.Source.DRAWN, p.sourceProperty().get());
        assertTrue(p.prepare(), p.problemProperty().get());
        // interpolated between the drawn points
        assertEquals(58_800, p.pathProperty().get().mark("BTCUSDT", 2), 1e-6);
        p.toEnd();
        var liq = p.log().stream().filter(r -> r.event().type() == SimulationEvent.Type.LIQUIDATION).findFirst()
                .orElseThrow();
        assertEquals("p1", liq.position());
        assertTrue(liq.details().contains("liquidation price 54,271.36"), liq.details());
        assertFalse(liq.details().contains("NaN"));
        // the liquidated position has left the shown portfolio; Stop brings it back
        assertTrue(vm.context().getPortfolio().positions().isEmpty());
        p.reset();
        assertEquals(1, vm.context().getPortfolio().positions().size());
        assertEquals(60_000, shownMark(), 1e-9);
        assertNull(p.currentProperty().get());
    }

    @Test
    void aCsvPathPlaysItsMarksAndReportsItsErrorsByLine() {
        p.useCsv("prices.csv", """
                timestamp,symbol,mark
                2024-01-01T00:00:00Z,BTCUSDT,60000
                2024-01-01T08:00:00Z,BTCUSDT,59000
                2024-01-01T16:00:00Z,BTCUSDT,53000
                """);
        assertTrue(p.prepare(), p.problemProperty().get());
        assertEquals(2, p.lastTickProperty().get());
        p.toEnd();
        assertTrue(p.log().stream().anyMatch(r -> r.event().type() == SimulationEvent.Type.LIQUIDATION));
        p.useCsv("bad.csv", "timestamp,symbol,mark\n2024-01-01T00:00:00Z,BTCUSDT,abc\n");
        assertFalse(p.prepare());
        assertTrue(p.problemProperty().get().contains("line 2"), p.problemProperty().get());
        assertFalse(vm.isPlaybackShown());
    }

    @Test
    void loadingAnotherDocumentEndsThePlayback() {
        p.prepare();
        p.step();
        assertTrue(vm.isPlaybackShown());
        vm.load(TestDocs.empty(), null);
        assertFalse(p.activeProperty().get());
        assertFalse(vm.isPlaybackShown());
        assertTrue(p.log().isEmpty());
    }

    @Test
    void editingTheInputsDuringAPlaybackEndsIt() {
        p.prepare();
        p.step();
        p.step();
        vm.positions().get(0).sizeProperty().set("2");
        assertFalse(p.activeProperty().get());
        assertFalse(vm.isPlaybackShown());
        assertEquals(2 * 60_000, vm.context().getRisk().position("p1").orElseThrow().notional(), 1e-6);
        assertTrue(p.statusProperty().get().startsWith("The inputs changed"));
    }

    @Test
    void theDemoPlaysAcrossVenuesAndEveryEventReadsWithoutNaN() throws Exception {
        vm.load(com.perprisk.io.Samples.demo(), null);
        p.volatilityProperty().set(1.5);
        p.stepsProperty().set(300);
        assertTrue(p.prepare(), p.problemProperty().get());
        p.toEnd();
        assertTrue(p.log().size() > 10);
        for (var r : p.log()) {
            assertFalse(r.details().contains("NaN") || r.details().contains("Infinity") || r.details().contains("∞"),
                    r.details());
        }
        assertTrue(p.statusProperty().get().contains("step 300 of 300"), p.statusProperty().get());
    }

    @Test
    void anInvalidWorkspaceCannotPlay() {
        vm.account().walletBalanceProperty().set("-1");
        assertFalse(p.prepare());
        assertTrue(p.problemProperty().get().startsWith("The workspace has no results"), p.problemProperty().get());
    }

    @Test
    void aBadSimulationFieldIsReportedAtItsPath() {
        var doc = TestDocs.isolatedLong();
        var extra = new java.util.LinkedHashMap<String, Object>(doc.extra());
        extra.put("insuranceFund", -5);
        vm.load(new com.perprisk.io.WorkspaceDocument(doc.format(), doc.version(), doc.name(), doc.account(),
                doc.horizonHours(), doc.markets(), doc.positions(), extra), null);
        assertFalse(p.prepare());
        assertTrue(p.problemProperty().get().contains("insuranceFund"), p.problemProperty().get());
    }

    @Test
    void pauseAtLiquidationAlsoStopsAtAPartialLiquidation() throws Exception {
        // lesson 2: a falling mark reduces the position tier by tier before closing the rest
        vm.load(com.perprisk.io.LessonCodec.workspace(com.perprisk.io.LessonCodec.find("tier-boundary")
                .orElseThrow()), null);
        p.stepsProperty().set(40);
        p.draw("BTCUSDT", 40, 30_000);
        assertTrue(p.prepare(), p.problemProperty().get());
        p.toEnd();
        var partial = p.allEvents().stream().filter(e -> e.type() == SimulationEvent.Type.PARTIAL_LIQUIDATION)
                .findFirst().orElseThrow();
        assertTrue(PlaybackViewModel.pausesAt(partial), "a tier reduction is a liquidation to stop at");
        assertTrue(p.allEvents().stream().filter(e -> e.type() == SimulationEvent.Type.FUNDING)
                .noneMatch(PlaybackViewModel::pausesAt), "funding does not pause");
    }

    @Test
    void theInputsShowTheSimulatedStateAndALiquidatedPositionSaysWhenAndWhere() throws Exception {
        vm.load(com.perprisk.io.LessonCodec.workspace(com.perprisk.io.LessonCodec.find("tier-boundary")
                .orElseThrow()), null);
        String id = vm.positions().get(0).getId();
        String entered = vm.positions().get(0).sizeProperty().get();
        p.stepsProperty().set(40);
        p.draw("BTCUSDT", 40, 30_000);
        assertTrue(p.prepare(), p.problemProperty().get());
        var partial = (SimulationEvent.PartialLiquidation) p.allEvents().stream()
                .filter(e -> e instanceof SimulationEvent.PartialLiquidation).findFirst().orElseThrow();
        p.seek(partial.step());
        Formats f = vm.formats();
        assertEquals(f.quantity(partial.remainingSize(), 6),
                SimulatedInputs.text(vm.context().getPortfolio(), id, "size", f).orElseThrow());
        assertNotEquals(f.quantity(f.parse(entered), 6),
                SimulatedInputs.text(vm.context().getPortfolio(), id, "size", f).orElseThrow());
        assertEquals(entered, vm.positions().get(0).sizeProperty().get(), "the entered input is kept");
        p.toEnd();
        var liq = (SimulationEvent.Liquidation) p.allEvents().stream()
                .filter(e -> e instanceof SimulationEvent.Liquidation).findFirst().orElseThrow();
        assertEquals("liquidated at " + f.money(liq.fillPrice()) + ", t = " + PlaybackPaths.trim(liq.timeHours())
                + " h", vm.context().playbackNotesProperty().get().get(id));
        assertTrue(SimulatedInputs.text(vm.context().getPortfolio(), id, "size", f).isEmpty());
        p.reset();
        assertTrue(vm.context().playbackNotesProperty().get().isEmpty());
    }
}
