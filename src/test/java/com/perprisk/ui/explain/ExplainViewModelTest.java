package com.perprisk.ui.explain;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.ui.support.Fixtures;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainViewModelTest {
    private final Portfolio portfolio = Fixtures.portfolio();
    private final PortfolioRisk risk = RiskEngine.evaluate(portfolio, true);

    @Test
    void picksTheSelectedPositionsExplanationOfTheSelectedQuantity() {
        var s = ExplainViewModel.resolve(risk, "p3", "liquidationPrice", "");
        assertSame(risk.position("p3").orElseThrow().explanations().get("liquidationPrice"), s.explanation());
        assertEquals("liquidationPrice", s.key());
        assertEquals("BTCUSDT", s.symbol());
        assertTrue(s.scope().startsWith("p3 · BTCUSDT long, isolated"), s.scope());
        assertNull(s.note());

        var mm = ExplainViewModel.resolve(risk, "p2", "maintenanceMargin", "");
        assertSame(risk.position("p2").orElseThrow().explanations().get("maintenanceMargin"), mm.explanation());
        assertEquals("Maintenance margin", mm.explanation().quantity());
        // the chooser lists every working of the position, headline numbers first
        assertEquals("liquidationPrice", mm.choices().get(0).key());
        assertEquals(risk.position("p2").orElseThrow().explanations().size(), mm.choices().size());
    }

    @Test
    void aQuantityWithoutItsOwnWorkingShowsTheOneItComesFrom() {
        var s = ExplainViewModel.resolve(risk, "p1", "distanceToLiquidation", "");
        assertEquals("liquidationPrice", s.key());
        assertTrue(s.note().contains("distance to liquidation"), s.note());
        var unknown = ExplainViewModel.resolve(risk, "p1", "somethingElse", "");
        assertEquals("liquidationPrice", unknown.key());
    }

    @Test
    void withoutASelectedPositionTheAccountIsExplained() {
        var s = ExplainViewModel.resolve(risk, null, "marginRatio", "");
        assertSame(risk.accountExplanations().get("marginRatio"), s.explanation());
        assertNull(s.positionId());
        assertTrue(s.scope().startsWith("Account"), s.scope());
        var avail = ExplainViewModel.resolve(risk, null, "availableBalance", "");
        assertSame(risk.accountExplanations().get("availableBalance"), avail.explanation());
        // a position's quantity with no position selected: the account's first working, and why
        var lp = ExplainViewModel.resolve(risk, null, "liquidationPrice", "");
        assertEquals("marginRatio", lp.key());
        assertTrue(lp.note().contains("select a position"), lp.note());
    }

    @Test
    void withoutResultsTheProblemIsShown() {
        var s = ExplainViewModel.resolve(null, "p1", "liquidationPrice", "BTCUSDT mark price: must be above 0");
        assertNull(s.explanation());
        assertEquals("BTCUSDT mark price: must be above 0", s.problem());
        assertTrue(s.choices().isEmpty());
    }
}
