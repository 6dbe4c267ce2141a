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

    @Test
    void manyQueuesAreRankedOnTheWorkerAndOnlyTheNewestRankingIsShown() {
        vm.load(TestDocs.positions(40, "forty"), null);
        AdlQueueViewModel adl = new AdlQueueViewModel(vm);
        java.util.ArrayDeque<Runnable> worker = new java.util.ArrayDeque<>();
        java.util.ArrayDeque<Runnable> owner = new java.util.ArrayDeque<>();
        vm.files().runOn(worker::add, owner::add);

        ctx.scenarioMoveProperty().set(0.05); // every mark moves: 20 queues, more than the FX thread ranks itself
        assertEquals(Map.of(), ctx.adlStandingsProperty().get(), "no stale lights while the queues are ranked");
        assertEquals(1, worker.size());
        ctx.scenarioMoveProperty().set(0.10); // moved again before the first ranking is back
        assertEquals(2, worker.size());
        worker.poll().run();
        owner.poll().run(); // the ranking for +5%: no longer what is shown, dropped
        assertEquals(Map.of(), ctx.adlStandingsProperty().get());
        worker.poll().run();
        owner.poll().run();
        assertEquals(fromScratch(200), ctx.adlStandingsProperty().get());
        assertEquals(40, adl.rankedMarkets(), "20 at first, 20 in the ranking shown (the dropped one is not)");

        vm.positions().get(11).sizeProperty().set("25"); // one market: ranked at once, on the FX thread
        assertEquals(0, worker.size());
        assertEquals(41, adl.rankedMarkets());
        assertEquals(fromScratch(200), ctx.adlStandingsProperty().get());
    }
}
