package com.perprisk.ui.explain;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.Quantity;
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
        var s = ExplainViewModel.resolve(risk, "p3", Quantity.LIQUIDATION_PRICE, "");
        assertSame(risk.position("p3").orElseThrow().explanations().get(ExplainKey.LIQUIDATION_PRICE), s.explanation());
        assertEquals(ExplainKey.LIQUIDATION_PRICE, s.key());
        assertEquals("BTCUSDT", s.symbol());
        assertTrue(s.scope().startsWith("p3 · BTCUSDT long, isolated"), s.scope());
        assertNull(s.note());

        var mm = ExplainViewModel.resolve(risk, "p2", Quantity.MAINTENANCE_MARGIN, "");
        assertSame(risk.position("p2").orElseThrow().explanations().get(ExplainKey.MAINTENANCE_MARGIN), mm.explanation());
        assertEquals("Maintenance margin", mm.explanation().quantity());
        // the chooser lists every working of the position, headline numbers first
        assertEquals(ExplainKey.LIQUIDATION_PRICE, mm.choices().get(0).key());
        assertEquals(risk.position("p2").orElseThrow().explanations().size(), mm.choices().size());
    }

    @Test
    void aQuantityWithoutItsOwnWorkingShowsTheOneItComesFrom() {
        var s = ExplainViewModel.resolve(risk, "p1", Quantity.DISTANCE_TO_LIQUIDATION, "");
        assertEquals(ExplainKey.LIQUIDATION_PRICE, s.key());
        assertTrue(s.note().contains("Distance to liquidation"), s.note());
        var unknown = ExplainViewModel.resolve(risk, "p1", null, "");
        assertEquals(ExplainKey.LIQUIDATION_PRICE, unknown.key());
    }

    /** dYdX's case (TNC 499 against TMMR 500, 0.1 BTC long at 50,000): the panel offers the fillable price, 49,999. */
    @Test
    void aDydxPositionsFillablePriceHasItsWorking() {
        PortfolioRisk dydx = RiskEngine.evaluate(Fixtures.dydxPortfolio(), true);
        var s = ExplainViewModel.resolve(dydx, "btc", Quantity.FILLABLE_PRICE, "");
        assertEquals(ExplainKey.FILLABLE_PRICE, s.key());
        assertNull(s.note());
        assertEquals("Fillable price", s.explanation().quantity());
        assertEquals(49_999, s.explanation().result(), 1e-6);
        assertTrue(s.choices().stream().anyMatch(c -> c.key() == ExplainKey.FILLABLE_PRICE), s.choices().toString());
        // another venue's position has none: the chooser does not offer it, and says why
        var binance = ExplainViewModel.resolve(risk, "p1", Quantity.FILLABLE_PRICE, "");
        assertTrue(binance.choices().stream().noneMatch(c -> c.key() == ExplainKey.FILLABLE_PRICE));
        assertTrue(binance.note().contains("Fillable price"), binance.note());
    }

    @Test
    void withoutASelectedPositionTheAccountIsExplained() {
        var s = ExplainViewModel.resolve(risk, null, Quantity.MARGIN_RATIO, "");
        assertSame(risk.accountExplanations().get(ExplainKey.MARGIN_RATIO), s.explanation());
        assertNull(s.positionId());
        assertTrue(s.scope().startsWith("Account"), s.scope());
        var avail = ExplainViewModel.resolve(risk, null, Quantity.AVAILABLE_BALANCE, "");
        assertSame(risk.accountExplanations().get(ExplainKey.AVAILABLE_BALANCE), avail.explanation());
        // a position's quantity with no position selected: the account's first working, and why
        var lp = ExplainViewModel.resolve(risk, null, Quantity.LIQUIDATION_PRICE, "");
        assertEquals(ExplainKey.MARGIN_RATIO, lp.key());
        assertTrue(lp.note().contains("select a position"), lp.note());
    }

    @Test
    void withoutResultsTheProblemIsShown() {
        var s = ExplainViewModel.resolve(null, "p1", Quantity.LIQUIDATION_PRICE, "BTCUSDT mark price: must be above 0");
        assertNull(s.explanation());
        assertEquals("BTCUSDT mark price: must be above 0", s.problem());
        assertTrue(s.choices().isEmpty());
    }
}
