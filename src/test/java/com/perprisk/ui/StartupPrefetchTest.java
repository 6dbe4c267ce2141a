package com.perprisk.ui;

import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.MappingResult;
import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: while the toolkit starts, a second thread reads the demo and makes the window's view model with the
 * demo loaded in it; the window takes it once. Its rows and results are the demo's, exactly as evaluated by the
 * engine, and it is clean (nothing to save, no undo step).
 */
class StartupPrefetchTest {
    @Test
    void theViewModelMadeInTheBackgroundHoldsTheDemoAndIsTakenOnce() throws Exception {
        StartupPrefetch.start();
        Optional<WorkspaceViewModel> taken = StartupPrefetch.takeDemoViewModel();
        assertTrue(taken.isPresent(), "the demo's view model is made without a toolkit");
        WorkspaceViewModel vm = taken.get();

        WorkspaceDocument demo = Samples.demo();
        MappingResult mapped = WorkspaceMapper.toPortfolio(demo);
        var risk = RiskEngine.evaluate(mapped.portfolio());
        assertEquals(demo.name(), vm.nameProperty().get());
        assertEquals(demo.positions().size(), vm.positions().size());
        assertEquals(demo.markets().size(), vm.markets().size());
        for (PositionRow row : vm.positions()) {
            assertNotNull(row.getRisk(), row.getId() + " has its results");
            var expected = risk.positions().stream().filter(p -> p.id().equals(row.getId())).findFirst()
                    .orElseThrow();
            assertEquals(expected.liquidationPrice(), row.getRisk().liquidationPrice(), row.getId());
            assertEquals(expected.maintenanceMargin(), row.getRisk().maintenanceMargin(), 0.0, row.getId());
        }
        assertFalse(vm.isDirty());
        assertFalse(vm.canUndoProperty().get());

        assertTrue(StartupPrefetch.takeDemoViewModel().isEmpty(), "the model belongs to one window");
    }

    /**
     * The demo's positions are ranked in their ADL queues in the background too, with the same standings and
     * population as the window's own ranking; the ranking is taken once, only for the model it was made for.
     */
    @Test
    void theDemosAdlRankingIsMadeInTheBackgroundForItsModelOnly() throws Exception {
        StartupPrefetch.start();
        WorkspaceViewModel vm = StartupPrefetch.takeDemoViewModel().orElseThrow();
        assertTrue(StartupPrefetch.takeDemoAdl(new WorkspaceViewModel(new com.perprisk.ui.common.RiskContext()))
                .isEmpty(), "another model's ranking");
        com.perprisk.ui.positions.AdlQueueViewModel adl = StartupPrefetch.takeDemoAdl(vm).orElseThrow();
        assertEquals(vm, adl.workspace());
        var standings = vm.context().adlStandingsProperty().get();
        assertFalse(standings.isEmpty(), "the demo's ADL lights are ranked");

        WorkspaceViewModel own = new WorkspaceViewModel(new com.perprisk.ui.common.RiskContext());
        own.load(Samples.demo(), null);
        new com.perprisk.ui.positions.AdlQueueViewModel(own);
        assertEquals(own.context().adlStandingsProperty().get(), standings);
        assertEquals(own.context().adlPopulationProperty().get(), vm.context().adlPopulationProperty().get());
        assertTrue(StartupPrefetch.takeDemoAdl(vm).isEmpty(), "the ranking belongs to one window");
    }
}
