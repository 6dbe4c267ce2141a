package com.perprisk.ui.support;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.ui.common.RiskContext;

/** Plays the workspace view model's part for tests: entered portfolio + scenario move → portfolio and risk. */
public final class TestWorkspace {
    private final RiskContext context;
    private Portfolio entered;

    public TestWorkspace(RiskContext context) {
        this.context = context;
        context.scenarioMoveProperty().addListener((o, a, b) -> recompute());
    }

    public void load(Portfolio portfolio) {
        entered = portfolio;
        context.enteredPortfolioProperty().set(portfolio);
        recompute();
    }

    private void recompute() {
        if (entered == null) {
            return;
        }
        double move = context.scenarioMoveProperty().get();
        Portfolio moved = entered.withMarkets(entered.markets().stream()
                .map(m -> m.withMarkPrice(m.markPrice() * (1 + move))).toList());
        context.portfolioProperty().set(moved);
        context.riskProperty().set(RiskEngine.evaluate(moved, true));
        context.problemProperty().set("");
    }

    public static double mark(Portfolio p, String symbol) {
        return p.market(symbol).map(Market::markPrice).orElseThrow();
    }
}
