package com.perprisk.engine.risk;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.liquidation.MarginRules;
import com.perprisk.engine.pricing.Basis;

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
        return LinearReport.of(portfolio);
    }

    /**
     * A position's figures from what the report found once for it: bracket k, maintenance margin and uPnL at the
     * mark, and its pool's figures there: margin balance, margin ratio, the solved liquidation price (null for none;
     * {@code safeAtMark}: the pool's surplus at the mark is positive) and bankruptcy price, and the fillable price.
     */
    static PositionRisk positionRisk(Portfolio portfolio, Position p, Market m, MarginRules rules, int k, double mm,
                                     double upnl, double margin, Double ratio, Double lp, boolean safeAtMark,
                                     Double bankruptcy, Double fillable, Double adlScore, int adlQuintile,
                                     List<String> warnings) {
        double mark = m.markPrice();
        double notional = p.notionalAt(mark);
        double im = p.initialMargin();
        // ROE = uPnL / initial margin
        double roe = upnl / im;
        Double distance = null;
        if (lp != null) {
            // distance to liquidation = |mark − LP| / mark, negative once past it
            double d = Math.abs(mark - lp) / mark;
            distance = safeAtMark ? d : -d;
        }
        if (p.isIsolated() && (ratio == null || ratio >= 1)) {
            warnings.add(p.id() + ": isolated margin is at or below the maintenance requirement: liquidatable at the"
                    + " current mark");
        }
        double bracketNotional = rules.bracketNotional(p, mark);
        if (bracketNotional >= m.tiers().maxNotional()) {
            warnings.add(p.id() + ": notional " + plain(bracketNotional) + " is beyond the tier table's"
                    + " last cap " + plain(m.tiers().maxNotional()) + "; the last bracket is used");
        }
        double rate = m.funding().rate();
        double interval = m.funding().intervalHours();
        double perSettlement = FundingPayment.perSettlement(p.side(), p.size(), mark, rate);
        double overHorizon = FundingPayment.overHorizon(p.side(), p.size(), mark, rate, portfolio.horizonHours(),
                interval);
        return new PositionRisk(p.id(), p.symbol(), p.side(), p.marginMode(), notional, upnl, roe, im, mm,
                m.tiers().mmrOf(k), k + 1, margin, lp, bankruptcy, distance, ratio, adlScore, adlQuintile,
                perSettlement, overHorizon, Map.of(), fillable);
    }

    /**
     * Each market's figures, in order. A market funded at the same rate and interval as the market before it (to the
     * bit; most markets sit at a venue's baseline rate) takes that market's funding APR and APY, the same formulas of
     * the same two numbers, instead of computing the APY's logarithm and exponential again.
     */
    static List<MarketRisk> marketRisks(List<Market> markets, List<String> warnings) {
        List<MarketRisk> risks = new ArrayList<>(markets.size());
        FundingTerms previousTerms = null;
        MarketRisk previous = null;
        for (int j = 0; j < markets.size(); j++) {
            Market m = markets.get(j);
            FundingTerms terms = m.funding();
            boolean sameFunding = previous != null && previous.fundingApy() != null
                    && Double.doubleToLongBits(terms.rate()) == Double.doubleToLongBits(previousTerms.rate())
                    && Double.doubleToLongBits(terms.intervalHours())
                    == Double.doubleToLongBits(previousTerms.intervalHours());
            previous = marketRisk(m, sameFunding ? previous : null, warnings);
            previousTerms = terms;
            risks.add(previous);
        }
        return risks;
    }

    /** A market's figures, each computed from its own inputs. */
    static MarketRisk marketRisk(Market m, List<String> warnings) {
        return marketRisk(m, null, warnings);
    }

    /** A market's figures, its funding APR and APY those of {@code sameFunding} when given (funded alike). */
    private static MarketRisk marketRisk(Market m, MarketRisk sameFunding, List<String> warnings) {
        double premium = Basis.premium(m.markPrice(), m.indexPrice());
        double apr;
        Double apy;
        if (sameFunding != null) {
            apr = sameFunding.fundingApr();
            apy = sameFunding.fundingApy();
        } else {
            apr = FundingPayment.apr(m.funding().rate(), m.funding().intervalHours());
            try {
                apy = FundingPayment.apy(m.funding().rate(), m.funding().intervalHours());
            } catch (EngineException e) {
                apy = leftEmpty(m.symbol(), "funding APY", warnings, e);
            }
        }
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
            return leftEmpty(owner, figure, warnings, e);
        }
    }

    /** {@link #sideFigure}'s answer when its formula refused: the warning naming the figure, and null. */
    static Double leftEmpty(String owner, String figure, List<String> warnings, EngineException e) {
        String why = e.getMessage() != null && e.getMessage().startsWith(figure) ? e.getMessage()
                : figure + " cannot be computed from these inputs (" + e.getMessage() + ")";
        warnings.add(owner + ": " + why + "; it is left empty");
        return null;
    }

    /** The engine refuses inputs no formula can use; the file mapper reports them with field paths first. */
    static void checkInputs(Portfolio portfolio) {
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
    }

    /**
     * A position's own inputs, checked before anything is computed from it (its symbol is checked where its market
     * is looked up; nothing computed from an earlier position can throw, so the first refusal is as before).
     */
    static void checkPosition(Position p) {
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
    }
}
