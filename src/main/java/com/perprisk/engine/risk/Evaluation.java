package com.perprisk.engine.risk;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.SolvedPrice;

import java.util.List;
import java.util.Map;

/**
 * A portfolio evaluated by {@link RiskEngine#evaluation}: every figure computed, and the working of each position
 * written only when asked for and not kept, so that a caller can stream thousands of workings in flat memory.
 */
public final class Evaluation {
    /** What a position's working needs beyond its figures: its pool and the solved prices. */
    record Solved(Position position, Market market, MarginPool pool, SolvedPrice liquidation,
                  SolvedPrice bankruptcy) {
    }

    private final Portfolio portfolio;
    private final PortfolioRisk risk;
    private final List<Solved> solved;
    private final double crossRequirement;

    Evaluation(Portfolio portfolio, PortfolioRisk risk, List<Solved> solved, double crossRequirement) {
        this.portfolio = portfolio;
        this.risk = risk;
        this.solved = List.copyOf(solved);
        this.crossRequirement = crossRequirement;
    }

    /** Every figure, without the working. */
    public PortfolioRisk risk() {
        return risk;
    }

    /** The working behind the account's headline numbers. */
    public Map<ExplainKey, Explanation> accountWorking() {
        return Workings.account(risk.account(), crossRequirement);
    }

    /** The working behind the headline numbers of the position at {@code index} (portfolio order), written now. */
    public Map<ExplainKey, Explanation> positionWorking(int index) {
        return Workings.position(portfolio, solved.get(index), risk.positions().get(index));
    }
}
