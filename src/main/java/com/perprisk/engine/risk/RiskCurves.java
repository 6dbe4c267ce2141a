package com.perprisk.engine.risk;

import com.perprisk.engine.Account;
import com.perprisk.engine.Market;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.inverse.PositionPool;
import com.perprisk.engine.liquidation.Requirement;

import java.util.ArrayList;
import java.util.List;

/** Sweeps for the charts: the same formulas as {@link RiskEngine}, evaluated over a range of one input. */
public final class RiskCurves {
    private RiskCurves() {
    }

    /**
     * Margin balance and maintenance requirement of a position's pool at each mark price of its market.
     *
     * @param prices       the mark prices swept
     * @param balance      margin balance at each price
     * @param requirement  maintenance requirement at each price
     * @param marginRatio  requirement / balance at each price (NaN where the balance is ≤ 0: plot as a gap)
     */
    public record EquityCurve(double[] prices, double[] balance, double[] requirement, double[] marginRatio) {
    }

    public static EquityCurve equityCurve(Portfolio portfolio, String positionId, double[] prices) {
        PositionPool pool = PositionPool.of(portfolio, positionId); // in the position's margin asset
        double[] bal = new double[prices.length];
        double[] req = new double[prices.length];
        double[] ratio = new double[prices.length];
        for (int i = 0; i < prices.length; i++) {
            bal[i] = pool.marginBalance(prices[i]);
            req[i] = pool.requirement(prices[i], Requirement.MAINTENANCE);
            ratio[i] = bal[i] > 0 ? req[i] / bal[i] : Double.NaN;
        }
        return new EquityCurve(prices.clone(), bal, req, ratio);
    }

    /** Evenly spaced prices from lo to hi inclusive. */
    public static double[] range(double lo, double hi, int points) {
        double[] out = new double[points];
        for (int i = 0; i < points; i++) {
            out[i] = points == 1 ? lo : lo + (hi - lo) * i / (points - 1);
        }
        return out;
    }

    /**
     * Liquidation price of the position re-opened as isolated at each leverage (margin = N_entry / L), with the
     * bracket it lands in: the steps where the bracket at the liquidation notional changes.
     *
     * @param leverages the leverages swept
     * @param prices    liquidation price at each (NaN where there is none)
     * @param brackets  1-based bracket at the liquidation price (0 where there is none)
     */
    public record LeverageCurve(double[] leverages, double[] prices, int[] brackets) {
    }

    public static LeverageCurve liquidationByLeverage(Portfolio portfolio, String positionId, double[] leverages) {
        Position base = find(portfolio, positionId);
        double[] lp = new double[leverages.length];
        int[] br = new int[leverages.length];
        for (int i = 0; i < leverages.length; i++) {
            Position p = new Position(base.id(), base.symbol(), base.side(), base.size(), base.entryPrice(),
                    leverages[i], MarginMode.ISOLATED, null, 0);
            Portfolio alone = new Portfolio(portfolio.account(), portfolio.markets(), List.of(p),
                    portfolio.horizonHours());
            var solved = PositionPool.of(alone, p.id()).solve(Requirement.MAINTENANCE);
            lp[i] = solved.price() == null ? Double.NaN : solved.price();
            br[i] = solved.segment() == null ? 0 : solved.segment().brackets()[0] + 1;
        }
        return new LeverageCurve(leverages.clone(), lp, br);
    }

    /**
     * Funding settling into the position's margin over time, at the current mark and rate: for an isolated
     * position its own margin changes; for a cross position the cross wallet takes every cross position's funding.
     *
     * @param hours             hours since now at each settlement (index 0 = now)
     * @param cumulativeFunding funding received (+) or paid (−) by this position so far
     * @param liquidationPrice  liquidation price after each settlement (NaN where there is none)
     */
    public record FundingDrift(double[] hours, double[] cumulativeFunding, double[] liquidationPrice) {
    }

    public static FundingDrift fundingDrift(Portfolio portfolio, String positionId, int settlements) {
        Position target = find(portfolio, positionId);
        Market m = portfolio.requireMarket(target.symbol());
        double interval = m.funding().intervalHours();
        double own = FundingPayment.perSettlement(target, m);
        double crossPerSettlement = 0;
        for (Position p : portfolio.positions()) {
            Market pm = portfolio.requireMarket(p.symbol());
            // the cross wallet of the target's pool takes the funding of the cross positions in the same asset
            if (!p.isIsolated() && pm.marginAsset().equals(m.marginAsset()) && pm.isInverse() == m.isInverse()) {
                crossPerSettlement += FundingPayment.perSettlement(p, pm);
            }
        }
        double[] hours = new double[settlements + 1];
        double[] cum = new double[settlements + 1];
        double[] lp = new double[settlements + 1];
        for (int k = 0; k <= settlements; k++) {
            hours[k] = k * interval;
            cum[k] = k * own;
            Portfolio after;
            if (target.isIsolated()) {
                Position moved = target.withIsolatedMargin(m.isolatedMarginBalance(target) + cum[k]
                        - target.extraMargin(), target.extraMargin());
                after = portfolio.withPositions(portfolio.positions().stream()
                        .map(p -> p.id().equals(positionId) ? moved : p).toList());
            } else {
                Account a = portfolio.account();
                if (m.isInverse()) {
                    String coin = m.marginAsset();
                    java.util.Map<String, Double> wallets = new java.util.LinkedHashMap<>(a.coinWallets());
                    Double w = wallets.get(coin);
                    wallets.put(coin, (w == null ? 0 : w) + k * crossPerSettlement);
                    after = portfolio.withAccount(a.withCoinWallets(wallets));
                } else {
                    after = portfolio.withAccount(a.withWalletBalance(a.walletBalance() + k * crossPerSettlement));
                }
            }
            var solved = PositionPool.of(after, positionId).solve(Requirement.MAINTENANCE);
            lp[k] = solved.price() == null ? Double.NaN : solved.price();
        }
        return new FundingDrift(hours, cum, lp);
    }

    /** Liquidation prices of every position at once (for tables that sweep one input). */
    public static List<Double> liquidationPrices(Portfolio portfolio) {
        List<Double> out = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            out.add(PositionPool.of(portfolio, p.id()).solve(Requirement.MAINTENANCE).price());
        }
        return out;
    }

    private static Position find(Portfolio portfolio, String id) {
        return portfolio.positions().stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new com.perprisk.engine.EngineException("unknown position " + id));
    }
}
