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

    private final PortfolioRisk risk;
    private final double crossRequirement;
    private final java.util.function.IntFunction<Map<ExplainKey, Explanation>> positionWorking;
    private final java.util.function.Supplier<Map<ExplainKey, Explanation>> accountWorking;
    private final java.util.function.IntFunction<Map<ExplainKey, Explanation>> poolWorking;

    /**
     * A portfolio of linear contracts: the pool and solved prices of position i are {@code solved.apply(i)}, asked
     * for when its working is (the report itself needs neither).
     */
    Evaluation(Portfolio portfolio, PortfolioRisk risk, java.util.function.IntFunction<Solved> solved,
               double crossRequirement) {
        this.risk = risk;
        this.crossRequirement = crossRequirement;
        this.positionWorking = i -> Workings.position(portfolio, solved.apply(i), risk.positions().get(i));
        this.accountWorking = () -> Workings.account(risk.account(), crossRequirement);
        this.poolWorking = i -> {
            throw new IndexOutOfBoundsException("a portfolio of linear contracts has no pools beside its account");
        };
    }

    /** An evaluation whose workings are written by the given functions (a portfolio with several pools). */
    Evaluation(PortfolioRisk risk, double crossRequirement,
               java.util.function.IntFunction<Map<ExplainKey, Explanation>> positionWorking,
               java.util.function.Supplier<Map<ExplainKey, Explanation>> accountWorking,
               java.util.function.IntFunction<Map<ExplainKey, Explanation>> poolWorking) {
        this.risk = risk;
        this.crossRequirement = crossRequirement;
        this.positionWorking = positionWorking;
        this.accountWorking = accountWorking;
        this.poolWorking = poolWorking;
    }

    /** The working behind the account figures of the pool at {@code index} of {@link PortfolioRisk#pools()}. */
    public Map<ExplainKey, Explanation> poolWorking(int index) {
        return poolWorking.apply(index);
    }

    /** Σ maintenance requirement of the cross pool at the marks. */
    double crossRequirement() {
        return crossRequirement;
    }

    /** Every figure, without the working. */
    public PortfolioRisk risk() {
        return risk;
    }

    /** The working behind the account's headline numbers. */
    public Map<ExplainKey, Explanation> accountWorking() {
        return accountWorking.get();
    }

    /** The working behind the headline numbers of the position at {@code index} (portfolio order), written now. */
    public Map<ExplainKey, Explanation> positionWorking(int index) {
        return positionWorking.apply(index);
    }
}
