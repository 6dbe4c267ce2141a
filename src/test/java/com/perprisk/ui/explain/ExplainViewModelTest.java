package com.perprisk.ui.explain;

import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.ui.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExplainViewModelTest {

    @Test
    void picksThePositionsExplanationForTheQuantity() {
        PortfolioRisk risk = Fixtures.handRisk();
        ExplainViewModel.Shown s = ExplainViewModel.pick(risk, "p3", "liquidationPrice", "");
        assertSame(risk.position("p3").orElseThrow().explanations().get("liquidationPrice"), s.explanation());
        assertTrue(s.subject().contains("p3"));
        assertEquals(List.of("liquidationPrice"), s.quantities());
    }

    @Test
    void accountExplanationWhenNoPositionIsSelected() {
        PortfolioRisk risk = Fixtures.handRisk();
        ExplainViewModel.Shown s = ExplainViewModel.pick(risk, null, "marginRatio", "");
        assertSame(risk.accountExplanations().get("marginRatio"), s.explanation());
        assertTrue(s.subject().startsWith("Account"));
    }

    @Test
    void missingWorkingAndMissingResultsSayWhy() {
        ExplainViewModel.Shown s = ExplainViewModel.pick(Fixtures.handRisk(), "p3", "adlScore", "");
        assertNull(s.explanation());
        assertTrue(s.message().contains("ADL score"), s.message());
        ExplainViewModel.Shown none = ExplainViewModel.pick(null, "p3", "liquidationPrice", "size must be above 0");
        assertEquals("size must be above 0", none.message());
    }

    @Test
    void engineExplanationsAreOfferedInAReadableOrder() {
        PortfolioRisk risk = RiskEngine.evaluate(Fixtures.portfolio(), true);
        ExplainViewModel.Shown s = ExplainViewModel.pick(risk, "p3", "liquidationPrice", "");
        assertEquals("liquidationPrice", s.quantities().get(0), s.quantities().toString());
        assertEquals(risk.position("p3").orElseThrow().explanations().get("liquidationPrice"), s.explanation());
        assertEquals("Liquidation price", ExplainViewModel.label("liquidationPrice"));
        assertEquals("Maintenance margin rate", ExplainViewModel.label("maintenanceMarginRate"));
    }
}
