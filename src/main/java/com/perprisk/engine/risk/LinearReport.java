package com.perprisk.engine.risk;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.NameIndex;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlRanking;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.liquidation.CrossSums;
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
 * position's market, bracket, maintenance margin, requirement and uPnL at the mark found once ({@link #measure}); its
 * ADL score ({@link #score}); its pool's figures, solved prices and its own figures ({@link #report}). Each pass works
 * on one position per call, so the compiler optimizes it by how often it runs, whatever the number of positions.
 *
 * <p>The report builds no pool where it need not: an isolated position's pool and a cross pool of one leg are solved
 * from their parts ({@link LiquidationSolver#oneLegPrice}), with their balance and requirement at the mark from the
 * same sums as the pool's ({@link MarginPool#isolatedBalance}, {@link CrossSums}); only a market with several cross
 * legs gets its {@link MarginPool}. The pools behind the workings are built when a working is first asked for.
 */
final class LinearReport {
    private final Portfolio portfolio;
    private final List<Market> marketList;
    private final List<Position> all;
    private final NameIndex marketIndex;
    private final List<String> warnings = new ArrayList<>();
    private final int[] marketOf;
    private final int[] bracketOf;
    private final double[] mmOf;
    private final double[] requirementOf;
    private final double[] pnlOf;
    private final boolean[] crossOf;
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
    private CrossSums sums;
    /** the cross pool of each market with several cross legs (null elsewhere) */
    private MarginPool[] sharedPools;
    /** each market's cross pool figures once found: margin ratio, liquidation price, safe at the mark, bankruptcy */
    private final boolean[] marketSolved;
    private final Double[] ratioOfMarket;
    private final Double[] lpOfMarket;
    private final boolean[] safeOfMarket;
    private final Double[] bpOfMarket;
    /** the cross pools behind the workings, built on the first working asked for, and their solved prices */
    private MarginPool[] workingPools;
    private SolvedPrice[] workingLp;
    private SolvedPrice[] workingBp;

    private LinearReport(Portfolio portfolio) {
        this.portfolio = portfolio;
        marketList = portfolio.markets();
        all = portfolio.positions();
        int count = all.size();
        int markets = marketList.size();
        marketIndex = new NameIndex(markets);
        marketOf = new int[count];
        bracketOf = new int[count];
        mmOf = new double[count];
        requirementOf = new double[count];
        pnlOf = new double[count];
        crossOf = new boolean[count];
        rulesOf = new MarginRules[markets];
        scoreOf = new Double[count];
        idOf = new String[count];
        sideOf = new Side[count];
        valueOf = new double[count];
        marketSolved = new boolean[markets];
        ratioOfMarket = new Double[markets];
        lpOfMarket = new Double[markets];
        safeOfMarket = new boolean[markets];
        bpOfMarket = new Double[markets];
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
        for (int j = 0; j < markets; j++) {
            Market m = marketList.get(j);
            List<TierIssue> issues = m.tiers().issues();
            for (int t = 0; t < issues.size(); t++) {
                TierIssue issue = issues.get(t);
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
        sums = new CrossSums(wallet, crossOf, marketOf, markets, pnlOf, requirementOf);
        sharedPools = sharedPools();
        List<PositionRisk> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(report(i, lights[i]));
        }
        List<MarketRisk> marketRisks = RiskEngine.marketRisks(marketList, warnings);
        PortfolioRisk risk = new PortfolioRisk(account, positions, marketRisks, Map.of(), warnings);
        return new Evaluation(portfolio, risk, this::solved, crossRequirement);
    }

    /**
     * Position i's inputs checked, its market and bracket found, its MM, requirement and uPnL at the mark computed,
     * and, if cross, added to the pool's totals in portfolio order. The first refusal is as before: a position is
     * checked before anything is computed from it, and nothing computed can throw.
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
        double mark = m.markPrice();
        int k = rules.bracketIndex(p, mark);
        marketOf[i] = j;
        bracketOf[i] = k;
        mmOf[i] = rules.maintenanceMargin(p, mark, k);
        requirementOf[i] = rules.requirement(mmOf[i], p, mark);
        // the leg's uPnL at the mark (Leg.unrealizedPnl)
        pnlOf[i] = p.unrealizedPnl(mark);
        if (p.isIsolated()) {
            return;
        }
        crossOf[i] = true;
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

    /** The pools of the markets with several cross legs (none in a portfolio of one position per market). */
    private MarginPool[] sharedPools() {
        Leg[] legs = null;
        for (int i = 0; i < all.size(); i++) {
            if (crossOf[i] && sums.legs(marketOf[i]) > 1) {
                if (legs == null) {
                    legs = new Leg[all.size()];
                }
                legs[i] = leg(i);
            }
        }
        return legs == null ? null : MarginPool.crossPools(sums, legs, marketOf);
    }

    /** Position i's leg: the position, its market and the market's rules. */
    private Leg leg(int i) {
        int j = marketOf[i];
        return new Leg(all.get(i), marketList.get(j), rulesOf[j]);
    }

    /** Position i's pool figures (its own, or its market's cross pool's), its solved prices and its figures. */
    private PositionRisk report(int i, int light) {
        Position p = all.get(i);
        int j = marketOf[i];
        Market m = marketList.get(j);
        MarginRules rules = rulesOf[j];
        double mark = m.markPrice();
        double balance;
        double requirement;
        Double ratio;
        Double lp;
        boolean safe;
        Double bp;
        boolean hedged = false;
        if (p.isIsolated()) {
            double margin = p.isolatedMarginBalance();
            balance = MarginPool.isolatedBalance(margin, pnlOf[i]);
            requirement = MarginPool.isolatedRequirement(requirementOf[i]);
            ratio = MarginPool.ratio(requirement, balance);
            lp = price(LiquidationSolver.oneLegPrice(margin, 0, 0, p, rules, m.takerFeeRate(), mark,
                    Requirement.MAINTENANCE));
            // the pool's surplus at the mark: balance − requirement
            safe = balance - requirement > 0;
            bp = price(LiquidationSolver.oneLegPrice(margin, 0, 0, p, rules, m.takerFeeRate(), mark,
                    Requirement.ZERO));
        } else {
            balance = sums.balance(j);
            requirement = sums.requirement(j);
            if (!marketSolved[j]) {
                solveMarket(p, m, j);
            }
            ratio = ratioOfMarket[j];
            lp = lpOfMarket[j];
            safe = safeOfMarket[j];
            bp = bpOfMarket[j];
            hedged = sharedPools != null && sharedPools[j] != null && DydxFills.hedged(sharedPools[j], p);
        }
        // DYDX: dYdX's shared bankruptcy price and the fillable price (DydxFills); others unchanged
        Double bankruptcy = DydxFills.bankruptcyPrice(balance, requirement, hedged, p, m, mmOf[i], bp, null);
        Double fillable = DydxFills.fillablePrice(balance, requirement, p, m, mmOf[i]);
        return RiskEngine.positionRisk(portfolio, p, m, rules, bracketOf[i], mmOf[i], pnlOf[i], balance, ratio, lp,
                safe, bankruptcy, fillable, scoreOf[i], light, warnings);
    }

    /**
     * Market j's cross pool solved for the liquidation and the bankruptcy price (p is one of its positions): from its
     * parts when it has one leg, else on its pool.
     */
    private void solveMarket(Position p, Market m, int j) {
        double balance = sums.balance(j);
        double requirement = sums.requirement(j);
        ratioOfMarket[j] = MarginPool.ratio(requirement, balance);
        if (sums.legs(j) == 1) {
            double wallet = sums.wallet();
            double otherPnl = sums.otherPnl(j);
            double otherRequirement = sums.otherRequirement(j);
            MarginRules rules = rulesOf[j];
            lpOfMarket[j] = price(LiquidationSolver.oneLegPrice(wallet, otherPnl, otherRequirement, p, rules,
                    m.takerFeeRate(), m.markPrice(), Requirement.MAINTENANCE));
            // the pool's surplus at the mark: balance − requirement
            safeOfMarket[j] = balance - requirement > 0;
            bpOfMarket[j] = price(LiquidationSolver.oneLegPrice(wallet, otherPnl, otherRequirement, p, rules,
                    m.takerFeeRate(), m.markPrice(), Requirement.ZERO));
        } else {
            SolvedPrice lp = LiquidationSolver.solve(sharedPools[j], Requirement.MAINTENANCE);
            lpOfMarket[j] = lp.price();
            safeOfMarket[j] = lp.safeAtMark();
            bpOfMarket[j] = LiquidationSolver.solve(sharedPools[j], Requirement.ZERO).price();
        }
        marketSolved[j] = true;
    }

    /** A solved price as the report holds it: null for none (NaN). */
    private static Double price(double solved) {
        return Double.isNaN(solved) ? null : solved;
    }

    /**
     * What position i's working needs: its pool and solved prices, as the report would have built and solved them.
     * The cross pools are built together on the first call (from the same sums) and each solved once; an isolated
     * position's pool is built when its working is asked for.
     */
    private synchronized Evaluation.Solved solved(int i) {
        int j = marketOf[i];
        Position p = all.get(i);
        Market m = marketList.get(j);
        if (!crossOf[i]) {
            MarginPool pool = MarginPool.isolated(leg(i), pnlOf[i], requirementOf[i]);
            return new Evaluation.Solved(p, m, pool, LiquidationSolver.solve(pool, Requirement.MAINTENANCE),
                    LiquidationSolver.solve(pool, Requirement.ZERO));
        }
        if (workingPools == null) {
            int count = all.size();
            Leg[] crossLegs = new Leg[count];
            for (int k = 0; k < count; k++) {
                crossLegs[k] = crossOf[k] ? leg(k) : null;
            }
            workingPools = MarginPool.crossPools(sums, crossLegs, marketOf);
            workingLp = new SolvedPrice[marketList.size()];
            workingBp = new SolvedPrice[marketList.size()];
        }
        MarginPool pool = workingPools[j];
        // the positions of a cross pool share its prices
        if (workingLp[j] == null) {
            workingLp[j] = LiquidationSolver.solve(pool, Requirement.MAINTENANCE);
            workingBp[j] = LiquidationSolver.solve(pool, Requirement.ZERO);
        }
        return new Evaluation.Solved(p, m, pool, workingLp[j], workingBp[j]);
    }
}
