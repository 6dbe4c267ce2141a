package com.perprisk.ui.positions;

import com.perprisk.engine.adl.AdlQueue;
import com.perprisk.engine.simulation.Population;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The ADL standings after an edit are re-ranked only where the edit reaches (issue 14 item 13: with 1,000 positions
 * every edit regenerated 200,000 counterparties and ranked all 1,000 queues on the FX thread), and are still exactly
 * what ranking everything from scratch gives.
 */
class AdlQueueIncrementalTest {
    private final RiskContext ctx = new RiskContext();
    private final WorkspaceViewModel vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));

    private Map<String, AdlQueue.Standing> fromScratch(int perSide) {
        var population = Population.generate(ctx.enteredPortfolioProperty().get(), AdlQueueViewModel.ASSUMED_SEED,
                perSide);
        return AdlQueue.rank(ctx.getPortfolio(), population.positions());
    }

    @Test
    void anEditReranksOnlyTheMarketItTouches() {
        vm.load(TestDocs.positions(40, "forty"), null);
        AdlQueueViewModel adl = new AdlQueueViewModel(vm);
        assertEquals(20, adl.rankedMarkets());
        assertEquals(20, adl.generatedMarkets());
        assertEquals(fromScratch(200), ctx.adlStandingsProperty().get());

        vm.markets().get(3).markPriceProperty().set("310"); // its counterparties' entries follow the mark
        assertEquals(21, adl.rankedMarkets());
        assertEquals(21, adl.generatedMarkets());
        assertEquals(fromScratch(200), ctx.adlStandingsProperty().get());

        vm.positions().get(11).sizeProperty().set("25"); // a position of market 5: its queues only
        assertEquals(22, adl.rankedMarkets());
        assertEquals(21, adl.generatedMarkets());
        assertEquals(fromScratch(200), ctx.adlStandingsProperty().get());

        vm.undo();
        vm.undo();
        assertEquals(24, adl.rankedMarkets());
        assertEquals(22, adl.generatedMarkets());
        assertEquals(fromScratch(200), ctx.adlStandingsProperty().get());

        ctx.scenarioMoveProperty().set(0.05); // every mark moves: every queue, but the counterparties hold still
        assertEquals(44, adl.rankedMarkets());
        assertEquals(22, adl.generatedMarkets());
        assertEquals(fromScratch(200), ctx.adlStandingsProperty().get());

        adl.setGenerated(9, 50); // another population: all of it
        assertEquals(42, adl.generatedMarkets());
        var population = Population.generate(ctx.enteredPortfolioProperty().get(), 9, 50);
        assertEquals(AdlQueue.rank(ctx.getPortfolio(), population.positions()), ctx.adlStandingsProperty().get());
    }
}
