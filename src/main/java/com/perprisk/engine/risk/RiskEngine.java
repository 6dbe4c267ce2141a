package com.perprisk.engine.risk;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.adl.AdlRanking;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.liquidation.SolvedPrice;
import com.perprisk.engine.pricing.Basis;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierIssue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.perprisk.engine.explain.Numbers.plain;

/**
 * Computes every number of a portfolio: account, positions, markets. The one place the UI and {@code calc} call;
 * each formula itself lives in its own class (tiers, liquidation, funding, ADL, pricing), and the working behind the
 * headline numbers is written by {@link Workings}.
 */
public final class RiskEngine {
    private RiskEngine() {
    }

    public static PortfolioRisk evaluate(Portfolio portfolio) {
        return evaluate(portfolio, false);
    }

    /**
     * All figures of the portfolio; with {@code withExplanations}, the working behind each headline number (the
     * account's written now, each position's when it is first read).
     */
    public static PortfolioRisk evaluate(Portfolio portfolio, boolean withExplanations) {
        Evaluation e = evaluation(portfolio);
        if (!withExplanations) {
            return e.risk();
        }
        PortfolioRisk bare = e.risk();
        List<PositionRisk> positions = new ArrayList<>();
        for (int i = 0; i < bare.positions().size(); i++) {
            // each position's working is written when first read (the explain panel reads one)
            positions.add(bare.positions().get(i).withExplanations(new LazyWorking(e, i)));
        }
        return new PortfolioRisk(bare.account(), positions, bare.markets(), e.accountWorking(), bare.warnings(),
                bare.pools());
    }

    /**
     * Every figure of the portfolio, computed now, with the working written later on request, one position at a
     * time: what {@code calc --explain} streams, so that its memory does not grow with the text of every working.
     */
    public static Evaluation evaluation(Portfolio portfolio) {
        if (com.perprisk.engine.inverse.Reciprocal.hasCoinPools(portfolio)) {
            return PoolEvaluation.evaluation(portfolio); // a pool per settle coin beside the linear quote pool
        }
        Map<String, Market> bySymbol = portfolio.marketsBySymbol();
        checkInputs(portfolio, bySymbol);
        List<String> warnings = new ArrayList<>();
        for (Market m : portfolio.markets()) {
            for (TierIssue issue : m.tiers().issues()) {
                warnings.add(m.symbol() + " tier " + (issue.tierIndex() + 1) + ": " + issue.message());
            }
        }

        // Each position's market, leg and maintenance margin at the mark, found once and used by every figure.
        List<Position> all = portfolio.positions();
        int count = all.size();
        Market[] marketOf = new Market[count];
        Leg[] legOf = new Leg[count];
        double[] mmOf = new double[count];
        // Cross pool: one shared balance; liquidation prices are per market (others frozen).
        double wallet = portfolio.account().walletBalance();
        double crossPnl = 0;
        double crossIm = 0;
        double crossMm = 0;
        double crossRequirement = 0;
        boolean anyCross = false;
        for (int i = 0; i < count; i++) {
            Position p = all.get(i);
            Market m = bySymbol.get(p.symbol());
            Leg leg = new Leg(p, m);
            marketOf[i] = m;
            legOf[i] = leg;
            mmOf[i] = leg.maintenanceMargin(m.markPrice());
            if (p.isIsolated()) {
                continue;
            }
            anyCross = true;
            crossPnl += leg.unrealizedPnl(m.markPrice());
            crossIm += p.initialMargin();
            crossMm += mmOf[i];
            crossRequirement += leg.requirement(m.markPrice());
        }
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

        // ADL scores first: the ranking needs every position's score.
        Double[] scoreOf = new Double[count];
        List<AdlRanking.Entry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Position p = all.get(i);
            Market m = marketOf[i];
            Double score = sideFigure(p.id(), "ADL score", warnings, () -> AdlScore.entry(p, m).score());
            scoreOf[i] = score;
            entries.add(new AdlRanking.Entry(p.id(), p.side(), score, p.notionalAt(m.markPrice())));
        }
        Map<String, AdlRanking.Rank> ranks = AdlRanking.rank(entries);

        // a cross pool's lines are built on its first solve and shared by every position in its market
        Map<String, MarginPool> crossPools = MarginPool.crossPools(portfolio);
        List<PositionRisk> positions = new ArrayList<>(count);
        List<Evaluation.Solved> solved = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Position p = all.get(i);
            Market m = marketOf[i];
            MarginPool pool = p.isIsolated() ? MarginPool.isolated(p, m) : crossPools.get(p.symbol());
            SolvedPrice lp = LiquidationSolver.solve(pool, Requirement.MAINTENANCE);
            SolvedPrice bp = LiquidationSolver.solve(pool, Requirement.ZERO);
            positions.add(positionRisk(portfolio, p, m, legOf[i], mmOf[i], pool, lp, bp, scoreOf[i],
                    ranks.get(p.id()), warnings));
            solved.add(new Evaluation.Solved(p, m, pool, lp, bp));
        }

        List<MarketRisk> markets = new ArrayList<>(portfolio.markets().size());
        for (Market m : portfolio.markets()) {
            markets.add(marketRisk(m, warnings));
        }
        PortfolioRisk risk = new PortfolioRisk(account, positions, markets, Map.of(), warnings);
        return new Evaluation(portfolio, risk, solved, crossRequirement);
    }

    private static PositionRisk positionRisk(Portfolio portfolio, Position p, Market m, Leg leg, double mm,
                                             MarginPool pool, SolvedPrice lp, SolvedPrice bp, Double adlScore,
                                             AdlRanking.Rank rank, List<String> warnings) {
        double mark = m.markPrice();
        double notional = p.notionalAt(mark);
        double upnl = leg.unrealizedPnl(mark);
        double im = p.initialMargin();
        // ROE = uPnL / initial margin
        double roe = upnl / im;
        int bracketIndex = leg.bracketIndex(mark);
        Tier tier = m.tiers().tier(bracketIndex);
        double margin = pool.marginBalance(mark);
        Double ratio = pool.marginRatio(mark);
        Double distance = null;
        if (lp.price() != null) {
            // distance to liquidation = |mark − LP| / mark, negative once past it
            double d = Math.abs(mark - lp.price()) / mark;
            distance = lp.safeAtMark() ? d : -d;
        }
        if (p.isIsolated() && (ratio == null || ratio >= 1)) {
            warnings.add(p.id() + ": isolated margin is at or below the maintenance requirement: liquidatable at the"
                    + " current mark");
        }
        if (leg.bracketNotional(mark) >= m.tiers().maxNotional()) {
            warnings.add(p.id() + ": notional " + plain(leg.bracketNotional(mark)) + " is beyond the tier table's"
                    + " last cap " + plain(m.tiers().maxNotional()) + "; the last bracket is used");
        }
        double rate = m.funding().rate();
        double interval = m.funding().intervalHours();
        double perSettlement = FundingPayment.perSettlement(p.side(), p.size(), mark, rate);
        double overHorizon = FundingPayment.overHorizon(p.side(), p.size(), mark, rate, portfolio.horizonHours(),
                interval);
        // DYDX: dYdX's shared bankruptcy price and the fillable price (DydxFills); others unchanged
        Double bankruptcy = DydxFills.bankruptcyPrice(pool, p, m, mm, bp.price(), null);
        Double fillable = DydxFills.fillablePrice(pool, p, m, mm);
        return new PositionRisk(p.id(), p.symbol(), p.side(), p.marginMode(), notional, upnl, roe, im, mm, tier.mmr(),
                bracketIndex + 1, margin, lp.price(), bankruptcy, distance, ratio, adlScore,
                rank == null ? 1 : rank.quintile(), perSettlement, overHorizon, Map.of(), fillable);
    }

    static MarketRisk marketRisk(Market m, List<String> warnings) {
        double premium = Basis.premium(m.markPrice(), m.indexPrice());
        double apr = FundingPayment.apr(m.funding().rate(), m.funding().intervalHours());
        Double apy = sideFigure(m.symbol(), "funding APY", warnings,
                () -> FundingPayment.apy(m.funding().rate(), m.funding().intervalHours()));
        Double basis = null;
        Double basisRate = null;
        Double annualized = null;
        if (m.future() != null) {
            basis = Basis.basis(m.future().price(), m.indexPrice());
            basisRate = Basis.basisRate(m.future().price(), m.indexPrice());
            double rate = basisRate;
            annualized = sideFigure(m.symbol(), "annualized basis", warnings,
                    () -> Basis.annualizedSimple(rate, m.future().daysToExpiry()));
        }
        return new MarketRisk(m.symbol(), premium, apr, apy, basis, basisRate, annualized);
    }

    /**
     * A figure no other figure depends on (funding APY, annualized basis, ADL score): when it cannot be computed
     * (it would overflow), it is null with a warning naming it, and the rest of the report stands.
     */
    static Double sideFigure(String owner, String figure, List<String> warnings,
                                     java.util.function.Supplier<Double> formula) {
        try {
            return formula.get();
        } catch (EngineException e) {
            String why = e.getMessage() != null && e.getMessage().startsWith(figure) ? e.getMessage()
                    : figure + " cannot be computed from these inputs (" + e.getMessage() + ")";
            warnings.add(owner + ": " + why + "; it is left empty");
            return null;
        }
    }

    /** The engine refuses inputs no formula can use; the file mapper reports them with field paths first. */
    private static void checkInputs(Portfolio portfolio, Map<String, Market> symbols) {
        if (!Double.isFinite(portfolio.account().walletBalance())) {
            throw new EngineException("wallet balance must be a finite number");
        }
        for (Market m : portfolio.markets()) {
            if (!(m.markPrice() > 0) || !Double.isFinite(m.markPrice())) {
                throw new EngineException(m.symbol() + ": mark price must be a positive number");
            }
            if (!(m.indexPrice() > 0) || !Double.isFinite(m.indexPrice())) {
                throw new EngineException(m.symbol() + ": index price must be a positive number");
            }
            if (!(m.funding().intervalHours() > 0) || !Double.isFinite(m.funding().rate())) {
                throw new EngineException(m.symbol() + ": funding needs a finite rate and a positive interval");
            }
        }
        for (Position p : portfolio.positions()) {
            if (!(p.size() > 0) || !Double.isFinite(p.size())) {
                throw new EngineException(p.id() + ": size must be a positive number");
            }
            if (!(p.entryPrice() > 0) || !Double.isFinite(p.entryPrice())) {
                throw new EngineException(p.id() + ": entry price must be a positive number");
            }
            if (!(p.leverage() > 0) || !Double.isFinite(p.leverage())) {
                throw new EngineException(p.id() + ": leverage must be a positive number");
            }
            if (!Double.isFinite(p.extraMargin()) || (p.isolatedMargin() != null
                    && !Double.isFinite(p.isolatedMargin()))) {
                throw new EngineException(p.id() + ": margin must be a finite number");
            }
            if (!symbols.containsKey(p.symbol())) {
                throw new EngineException(p.id() + ": unknown symbol " + p.symbol());
            }
        }
    }
}
