package com.perprisk.engine.risk;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.NameIndex;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlRanking;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.MarginRules;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.liquidation.SolvedPrice;
import com.perprisk.engine.tier.TierIssue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link RiskEngine#evaluation} of a portfolio of linear contracts, one pass over the positions at a time: each
 * position's market, leg, bracket, maintenance margin, requirement and uPnL at the mark found once ({@link #measure});
 * its ADL score ({@link #score}); its pool, solved prices and figures ({@link #report}). Each pass works on one
 * position per call, so the compiler optimizes it by how often it runs, whatever the number of positions.
 */
final class LinearReport {
    private final Portfolio portfolio;
    private final List<Market> marketList;
    private final List<Position> all;
    private final NameIndex marketIndex;
    private final List<String> warnings = new ArrayList<>();
    private final int[] marketOf;
    private final Leg[] legOf;
    private final int[] bracketOf;
    private final double[] mmOf;
    private final double[] requirementOf;
    private final double[] pnlOf;
    private final Leg[] crossLegs;
    private final MarginRules[] rulesOf;
    // Cross pool: one shared balance; liquidation prices are per market (others frozen).
    private double crossPnl;
    private double crossIm;
    private double crossMm;
    private double crossRequirement;
    private boolean anyCross;
    private final Double[] scoreOf;
    private final String[] idOf;
    private final Side[] sideOf;
    private final double[] valueOf;
    private MarginPool[] crossPools;
    private final SolvedPrice[] crossLp;
    private final SolvedPrice[] crossBp;
    private final MarginPool[] poolOf;
    private final SolvedPrice[] lpOf;
    private final SolvedPrice[] bpOf;

    private LinearReport(Portfolio portfolio) {
        this.portfolio = portfolio;
        marketList = portfolio.markets();
        all = portfolio.positions();
        int count = all.size();
        int markets = marketList.size();
        marketIndex = new NameIndex(markets);
        marketOf = new int[count];
        legOf = new Leg[count];
        bracketOf = new int[count];
        mmOf = new double[count];
        requirementOf = new double[count];
        pnlOf = new double[count];
        crossLegs = new Leg[count];
        rulesOf = new MarginRules[markets];
        scoreOf = new Double[count];
        idOf = new String[count];
        sideOf = new Side[count];
        valueOf = new double[count];
        crossLp = new SolvedPrice[markets];
        crossBp = new SolvedPrice[markets];
        poolOf = new MarginPool[count];
        lpOf = new SolvedPrice[count];
        bpOf = new SolvedPrice[count];
    }

    /** Every figure of a portfolio without coin pools (the caller checked). */
    static Evaluation of(Portfolio portfolio) {
        return new LinearReport(portfolio).run();
    }

    private Evaluation run() {
        int markets = marketList.size();
        // each symbol's market (the last of that symbol, as marketsBySymbol keeps it), by index
        for (int j = 0; j < markets; j++) {
            marketIndex.put(marketList.get(j).symbol(), j);
        }
        RiskEngine.checkInputs(portfolio);
        for (Market m : marketList) {
            for (TierIssue issue : m.tiers().issues()) {
                warnings.add(m.symbol() + " tier " + (issue.tierIndex() + 1) + ": " + issue.message());
            }
        }
        int count = all.size();
        for (int i = 0; i < count; i++) {
            measure(i);
        }
        double wallet = portfolio.account().walletBalance();
        double crossBalance = wallet + crossPnl;
        // margin ratio = requirement / margin balance; undefined once the balance is gone
        Double crossRatio = crossBalance > 0 ? crossRequirement / crossBalance : null;
        // available = max(0, margin balance − initial margin of cross positions)
        double available = Math.max(0, crossBalance - crossIm);
        AccountRisk account = new AccountRisk(wallet, crossPnl, crossBalance, crossIm, crossMm, crossRatio, available);
        if (anyCross && (crossRatio == null || crossRatio >= 1)) {
            warnings.add("the cross margin balance is at or below the maintenance requirement: cross positions are"
                    + " liquidatable at the current marks");
        }

        // ADL scores first: the ranking needs every position's score
        for (int i = 0; i < count; i++) {
            score(i);
        }
        // the queue's entries (id, side, score, notional), checked as AdlRanking.Entry checks them
        int[] lights = AdlRanking.quintiles(idOf, sideOf, scoreOf, valueOf);

        // a cross pool is shared by every position in its market, and so are its solved prices
        crossPools = MarginPool.crossPools(wallet, crossLegs, marketOf, markets, pnlOf, requirementOf);
        List<PositionRisk> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(report(i, lights[i]));
        }
        List<MarketRisk> marketRisks = new ArrayList<>(markets);
        for (Market m : marketList) {
            marketRisks.add(RiskEngine.marketRisk(m, warnings));
        }
        PortfolioRisk risk = new PortfolioRisk(account, positions, marketRisks, Map.of(), warnings);
        return new Evaluation(portfolio, risk, marketOf, poolOf, lpOf, bpOf, crossRequirement);
    }

    /**
     * Position i's inputs checked, its market, leg and bracket found, its MM, requirement and uPnL at the mark
     * computed, and, if cross, added to the pool's totals in portfolio order. The first refusal is as before: a
     * position is checked before anything is computed from it, and nothing computed can throw.
     */
    private void measure(int i) {
        Position p = all.get(i);
        RiskEngine.checkPosition(p);
        int j = marketIndex.get(p.symbol());
        if (j < 0) {
            throw new EngineException(p.id() + ": unknown symbol " + p.symbol());
        }
        Market m = marketList.get(j);
        MarginRules rules = rulesOf[j];
        if (rules == null) {
            rules = MarginRules.of(m);
            rulesOf[j] = rules;
        }
        Leg leg = new Leg(p, m, rules);
        double mark = m.markPrice();
        int k = rules.bracketIndex(p, mark);
        marketOf[i] = j;
        legOf[i] = leg;
        bracketOf[i] = k;
        mmOf[i] = rules.maintenanceMargin(p, mark, k);
        requirementOf[i] = rules.requirement(p, mark, k);
        pnlOf[i] = leg.unrealizedPnl(mark);
        if (p.isIsolated()) {
            return;
        }
        crossLegs[i] = leg;
        anyCross = true;
        crossPnl += pnlOf[i];
        crossIm += p.initialMargin();
        crossMm += mmOf[i];
        crossRequirement += requirementOf[i];
    }

    /** Position i's ADL score from its figures (AdlScore.entry's), or null with a warning, and its queue entry. */
    private void score(int i) {
        Position p = all.get(i);
        double value = p.notionalAt(marketList.get(marketOf[i]).markPrice());
        Double score;
        try {
            score = AdlScore.positionScore(pnlOf[i], p.entryNotional(), mmOf[i], value);
        } catch (EngineException e) {
            score = RiskEngine.leftEmpty(p.id(), "ADL score", warnings, e);
        }
        scoreOf[i] = score;
        idOf[i] = p.id();
        sideOf[i] = p.side();
        valueOf[i] = value;
    }

    /** Position i's pool (its own, or its market's cross pool), its solved prices and its figures. */
    private PositionRisk report(int i, int light) {
        Position p = all.get(i);
        int j = marketOf[i];
        MarginPool pool;
        SolvedPrice lp;
        SolvedPrice bp;
        if (p.isIsolated()) {
            pool = MarginPool.isolated(legOf[i], pnlOf[i], requirementOf[i]);
            lp = LiquidationSolver.solve(pool, Requirement.MAINTENANCE);
            bp = LiquidationSolver.solve(pool, Requirement.ZERO);
        } else {
            pool = crossPools[j];
            if (crossLp[j] == null) {
                crossLp[j] = LiquidationSolver.solve(pool, Requirement.MAINTENANCE);
                crossBp[j] = LiquidationSolver.solve(pool, Requirement.ZERO);
            }
            lp = crossLp[j];
            bp = crossBp[j];
        }
        poolOf[i] = pool;
        lpOf[i] = lp;
        bpOf[i] = bp;
        return RiskEngine.positionRisk(portfolio, p, marketList.get(j), legOf[i], bracketOf[i], mmOf[i], pnlOf[i],
                pool, lp, bp, scoreOf[i], light, warnings);
    }
}
