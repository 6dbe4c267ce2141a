package com.perprisk.ui.probability;

import com.perprisk.engine.probability.BarrierProbability;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProbabilityViewModelTest {
    private WorkspaceViewModel vm;
    private ProbabilityViewModel p;

    @BeforeEach
    void setUp() {
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        p = new ProbabilityViewModel(vm.context(), vm.formats());
    }

    @Test
    void theClosedFormFollowsTheInputsAtOnce() {
        assertEquals(1, p.rows().size());
        double expected = BarrierProbability.touch(60_000, 54_271.356783919595, 0.8, 0, 168 / 8760.0);
        assertEquals(vm.formats().percent(expected, 2), p.rows().get(0).closedForm());
        p.volatilityPercentProperty().set("40");
        double lower = BarrierProbability.touch(60_000, 54_271.356783919595, 0.4, 0, 168 / 8760.0);
        assertEquals(vm.formats().percent(lower, 2), p.rows().get(0).closedForm());
        p.horizonHoursProperty().set("-3");
        assertTrue(p.rows().isEmpty());
        assertTrue(p.problemProperty().get().startsWith("Horizon"), p.problemProperty().get());
    }

    @Test
    void monteCarloAgreesWithTheClosedFormForALoneIsolatedPositionAndReportsCancellation() {
        var s = p.monteCarloSettings().withStepHours(1);
        var portfolio = vm.context().getPortfolio();
        var r = p.runMonteCarlo(portfolio, s.withFunding(false), () -> false, x -> { });
        p.accept(portfolio, r);
        double closed = BarrierProbability.touch(60_000, 54_271.356783919595, 0.8, 0, 168 / 8760.0);
        double mc = r.position("p1").probability();
        assertTrue(Math.abs(mc - closed) < 4 * r.position("p1").standardError() + 0.005, mc + " vs " + closed);
        assertTrue(p.rows().get(0).monteCarlo().endsWith("%"));
        assertTrue(p.monteCarloStatusProperty().get().contains("10,000 paths"), p.monteCarloStatusProperty().get());

        AtomicInteger polls = new AtomicInteger();
        var cancelled = p.runMonteCarlo(portfolio, s, () -> polls.incrementAndGet() > 3, x -> { });
        assertTrue(cancelled.cancelled());
        p.accept(portfolio, cancelled);
        assertTrue(p.monteCarloStatusProperty().get().startsWith("Cancelled after"));
    }

    @Test
    void sizingGivesTheLargestSizeLeverageAndSizeAtAStop() {
        p.levelPercentProperty().set("5");
        p.stopPriceProperty().set("57000");
        p.maxLossProperty().set("1000");
        p.size();
        String out = p.sizingResultProperty().get();
        assertTrue(out.contains("Largest size with ≤ 5% chance"), out);
        assertTrue(out.contains("Largest leverage"), out);
        // Q = 1000 / (3000 + 0.0005 × (60000 + 57000)) = 0.31109...
        assertTrue(out.contains("Largest size for a loss of 1,000.00"), out);
        assertFalse(out.contains("NaN"), out);
    }
}
