package com.perprisk.ui.common;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PoolRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The margin pools of a workspace with coin-margined contracts, as the panels summarise them: the cross pool nearest
 * its liquidation among the quote pool and each coin's, and amounts that are in different assets kept apart. A
 * workspace of linear contracts has one pool and none of this changes what it shows.
 */
public final class PoolFigures {
    private PoolFigures() {
    }

    /** A cross pool: its asset and its account figures (wallet, balance, requirement, ratio, available), in it. */
    public record Cross(String asset, AccountRisk figures) {
    }

    /** Whether the results hold a pool besides the linear quote pool (a coin-margined contract). */
    public static boolean hasCoinPools(PortfolioRisk risk) {
        return risk != null && risk.pools().size() > 1;
    }

    /**
     * The cross pool with the highest margin ratio among the pools that hold cross positions; null when the workspace
     * has no coin pools (the caller then uses the account as before) or no cross position at all.
     */
    public static Cross riskiestCross(PortfolioRisk risk) {
        if (!hasCoinPools(risk)) {
            return null;
        }
        Cross best = null;
        for (PoolRisk pool : risk.pools()) {
            boolean used = risk.positions().stream().anyMatch(p -> p.marginMode() == MarginMode.CROSS
                    && pool.asset().equals(p.marginAsset()));
            if (!used) {
                continue;
            }
            Double r = pool.figures().marginRatio();
            Double b = best == null ? null : best.figures().marginRatio();
            if (best == null || r != null && (b == null || r > b)) {
                best = new Cross(pool.asset(), pool.figures());
            }
        }
        return best;
    }

    /** Σ funding over the horizon per asset, in the order the assets first appear (+ received, − paid). */
    public static Map<String, Double> fundingByAsset(PortfolioRisk risk) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (PositionRisk p : risk.positions()) {
            if (Double.isFinite(p.fundingOverHorizon())) {
                out.merge(p.marginAsset() == null ? "" : p.marginAsset(), p.fundingOverHorizon(), Double::sum);
            }
        }
        return out;
    }

    /**
     * Σ funding over the horizon valued in USD at today's marks: a coin amount × its market's mark, a quote amount as
     * it is; null when a coin's mark is unknown.
     */
    public static Double fundingInUsd(Portfolio portfolio, PortfolioRisk risk) {
        double sum = 0;
        for (PositionRisk p : risk.positions()) {
            if (!Double.isFinite(p.fundingOverHorizon())) {
                continue;
            }
            Market m = portfolio == null ? null : portfolio.market(p.symbol()).orElse(null);
            if (m == null) {
                return null;
            }
            sum += m.isInverse() ? p.fundingOverHorizon() * m.markPrice() : p.fundingOverHorizon();
        }
        return sum;
    }
}
