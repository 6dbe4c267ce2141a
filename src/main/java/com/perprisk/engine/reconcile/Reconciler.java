package com.perprisk.engine.reconcile;

import com.perprisk.engine.Account;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.liquidation.MarginRules;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.funding.FundingPayment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.positive;

/**
 * Explains the gap between PerpRisk's liquidation price and the one the exchange shows: tries every combination of
 * the plausible causes (each a change to the portfolio, to the maintenance rules or to the result) and reports the
 * smallest combination whose price matches within the tolerance, or that none does, with the closest.
 */
public final class Reconciler {
    private Reconciler() {
    }

    /** The causes, in the order they are tried and listed. */
    public enum Cause {
        /** MM measured at the entry notional (or at P, for a venue that measures at entry). */
        BRACKET_AT_ENTRY("bracket at entry instead of at the liquidation price"),
        /** The taker fee to close counted in the requirement (or left out, for a venue that counts it). */
        CLOSE_FEE("close fee in the requirement"),
        /** Other cross positions left out of the pool (or, for an isolated position, the account's cross pool). */
        OTHER_POSITIONS("other positions' margin and PnL in cross"),
        /** Funding settled into the margin since entry. */
        FUNDING("funding accrued since entry"),
        /** The exchange's figure read against the last price rather than the mark. */
        MARK_VS_LAST("mark vs last price"),
        /** The exchange rounds to its tick. */
        TICK_ROUNDING("rounding to the tick");

        private final String label;

        Cause(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One combination tried.
     *
     * @param causes   the causes applied
     * @param price    the liquidation price with them, or null when there is none
     * @param residual exchange price − this price (NaN without a price)
     * @param notes    what each cause did, in words
     */
    public record Candidate(List<Cause> causes, Double price, double residual, List<String> notes) {
        public Candidate {
            causes = List.copyOf(causes);
            notes = List.copyOf(notes);
        }
    }

    /**
     * @param explained      true when some combination matches within the tolerance
     * @param best           the smallest matching combination, or the closest one when none matches
     * @param baseline       PerpRisk's own price (no cause applied)
     * @param exchangePrice  the price the exchange shows
     * @param tolerance      the match tolerance used
     * @param candidates     every combination tried, closest first
     * @param message        one sentence for the user
     */
    public record Result(boolean explained, Candidate best, Double baseline, double exchangePrice, double tolerance,
                         List<Candidate> candidates, String message) {
        public Result {
            candidates = List.copyOf(candidates);
        }
    }

    public static Result explain(Portfolio portfolio, String positionId, double exchangeLiquidationPrice,
                                 ReconcileOptions options) {
        positive("exchange liquidation price", exchangeLiquidationPrice);
        ReconcileOptions o = options == null ? ReconcileOptions.NONE : options;
        Position target = portfolio.positions().stream().filter(p -> p.id().equals(positionId)).findFirst()
                .orElseThrow(() -> new EngineException("unknown position " + positionId));
        Market market = portfolio.requireMarket(target.symbol());
        if (o.tickSize() != null) {
            positive("tick size", o.tickSize());
        }
        double tolerance = o.tolerance() != null ? positive("tolerance", o.tolerance())
                : o.tickSize() != null ? o.tickSize() / 2 : 1e-4 * exchangeLiquidationPrice;

        List<Cause> applicable = new ArrayList<>();
        applicable.add(Cause.BRACKET_AT_ENTRY);
        double feeRate = o.closeFeeRate() != null ? finite("close fee rate", o.closeFeeRate()) : market.takerFeeRate();
        if (market.convention().closeFeeInRequirement() || feeRate > 0) {
            applicable.add(Cause.CLOSE_FEE);
        }
        boolean others = target.isIsolated() ? portfolio.account().walletBalance() != 0
                || portfolio.positions().stream().anyMatch(p -> !p.isIsolated())
                : portfolio.positions().stream().anyMatch(p -> !p.isIsolated() && !p.symbol().equals(target.symbol()));
        if (others) {
            applicable.add(Cause.OTHER_POSITIONS);
        }
        Double funding = fundingAmount(target, market, o);
        if (funding != null && funding != 0) {
            applicable.add(Cause.FUNDING);
        }
        if (o.markLastSpread() != null && finite("mark/last spread", o.markLastSpread()) != 0) {
            applicable.add(Cause.MARK_VS_LAST);
        }
        if (o.tickSize() != null) {
            applicable.add(Cause.TICK_ROUNDING);
        }

        List<Candidate> all = new ArrayList<>();
        int n = applicable.size();
        for (int mask = 0; mask < (1 << n); mask++) {
            List<Cause> chosen = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    chosen.add(applicable.get(i));
                }
            }
            all.add(evaluate(portfolio, target, chosen, feeRate, funding, o, exchangeLiquidationPrice));
        }
        Candidate baseline = all.get(0);
        Comparator<Candidate> closest = Comparator.comparingDouble(c -> Double.isNaN(c.residual())
                ? Double.MAX_VALUE : Math.abs(c.residual()));
        Candidate match = all.stream().filter(c -> Math.abs(c.residual()) <= tolerance)
                .min(Comparator.comparingInt((Candidate c) -> c.causes().size()).thenComparing(closest)).orElse(null);
        List<Candidate> sorted = new ArrayList<>(all);
        sorted.sort(closest.thenComparingInt(c -> c.causes().size()));
        String exch = Numbers.plain(exchangeLiquidationPrice);
        if (match != null) {
            String msg = match.causes().isEmpty()
                    ? "PerpRisk's price " + Numbers.plain(match.price()) + " already matches " + exch
                    + " within " + Numbers.plain(tolerance)
                    : "Explained by " + labels(match.causes()) + ": " + Numbers.plain(match.price()) + " vs " + exch
                    + " (residual " + Numbers.plain(match.residual()) + ")";
            return new Result(true, match, baseline.price(), exchangeLiquidationPrice, tolerance, sorted, msg);
        }
        Candidate best = sorted.get(0);
        String msg = "None of the causes explains " + exch + "; the closest is "
                + (best.causes().isEmpty() ? "PerpRisk's own price" : labels(best.causes())) + " at "
                + (best.price() == null ? "no price" : Numbers.plain(best.price())) + " (residual "
                + Numbers.plain(best.residual()) + ", tolerance " + Numbers.plain(tolerance) + ")";
        return new Result(false, best, baseline.price(), exchangeLiquidationPrice, tolerance, sorted, msg);
    }

    private static String labels(List<Cause> causes) {
        return String.join(" + ", causes.stream().map(Cause::label).toList());
    }

    /** Funding since entry: the given amount, or −side × Q × mark × rate × periods. */
    private static Double fundingAmount(Position p, Market m, ReconcileOptions o) {
        if (o.fundingAccrued() != null) {
            return finite("funding accrued", o.fundingAccrued());
        }
        if (o.fundingPeriods() == null) {
            return null;
        }
        if (o.fundingPeriods() < 0) {
            throw new EngineException("funding periods must not be negative, got " + o.fundingPeriods());
        }
        double rate = o.fundingRate() != null ? finite("funding rate", o.fundingRate()) : m.funding().rate();
        // total = periods × (−side × Q × MP × F)
        return o.fundingPeriods() * FundingPayment.perSettlement(p.side(), p.size(), m.markPrice(), rate);
    }

    private static Candidate evaluate(Portfolio portfolio, Position target, List<Cause> causes, double feeRate,
                                      Double funding, ReconcileOptions o, double exchange) {
        List<String> notes = new ArrayList<>();
        Portfolio pf = portfolio;
        Position t = target;
        if (causes.contains(Cause.OTHER_POSITIONS)) {
            if (t.isIsolated()) {
                // the position as a member of the account's cross pool
                double margin = t.isolatedMarginBalance();
                Position asCross = t.withMarginMode(MarginMode.CROSS);
                pf = replace(pf, asCross).withAccount(pf.account().withWalletBalance(pf.account().walletBalance()
                        + margin));
                t = asCross;
                notes.add("treated as cross: its margin " + Numbers.plain(margin) + " joins the cross wallet and the"
                        + " other cross positions");
            } else {
                String sym = t.symbol();
                pf = pf.withPositions(pf.positions().stream().filter(p -> p.isIsolated() || p.symbol().equals(sym))
                        .toList());
                notes.add("other cross positions left out of the pool");
            }
        }
        if (causes.contains(Cause.FUNDING)) {
            if (t.isIsolated()) {
                double m = t.isolatedMarginBalance() + funding;
                t = t.withIsolatedMargin(m - t.extraMargin(), t.extraMargin());
                pf = replace(pf, t);
            } else {
                Account a = pf.account();
                pf = pf.withAccount(a.withWalletBalance(a.walletBalance() + funding));
            }
            notes.add("funding " + Numbers.plain(funding) + " settled into the " + (t.isIsolated() ? "margin"
                    : "cross wallet"));
        }
        String sym = t.symbol();
        boolean entry = causes.contains(Cause.BRACKET_AT_ENTRY);
        boolean fee = causes.contains(Cause.CLOSE_FEE);
        Function<Market, MarginRules> rules = m -> {
            MarginRules r = MarginRules.of(m);
            if (!m.symbol().equals(sym)) {
                return r;
            }
            if (entry) {
                r = r.measureAtEntry() ? r.withMeasureAtEntry(false).withBracketAtEntry(false)
                        : r.withMeasureAtEntry(true).withBracketAtEntry(true);
            }
            if (fee) {
                r = r.closeFeeRate() > 0 ? r.withCloseFee(0) : r.withCloseFee(feeRate);
            }
            return r;
        };
        if (entry) {
            notes.add(MarginRules.of(pf.requireMarket(sym)).measureAtEntry() ? "MM measured at the liquidation price"
                    + " instead of at entry" : "MM and bracket taken at the entry notional instead of at the"
                    + " liquidation price");
        }
        if (fee) {
            notes.add(MarginRules.of(pf.requireMarket(sym)).closeFeeRate() > 0 ? "close fee left out of the"
                    + " requirement" : "close fee " + Numbers.plain(feeRate) + " × Q × P added to the requirement");
        }
        Double price = LiquidationSolver.solve(MarginPool.of(pf, t.id(), rules), Requirement.MAINTENANCE).price();
        if (price != null && causes.contains(Cause.MARK_VS_LAST)) {
            // in last-price terms: LP + (last − mark)
            price = price + o.markLastSpread();
            notes.add("shifted by last − mark = " + Numbers.plain(o.markLastSpread()));
        }
        if (price != null && causes.contains(Cause.TICK_ROUNDING)) {
            // nearest multiple of the tick
            price = Math.round(price / o.tickSize()) * o.tickSize();
            notes.add("rounded to the tick " + Numbers.plain(o.tickSize()));
        }
        double residual = price == null ? Double.NaN : exchange - price;
        return new Candidate(causes, price, residual, notes);
    }

    private static Portfolio replace(Portfolio pf, Position p) {
        return pf.withPositions(pf.positions().stream().map(q -> q.id().equals(p.id()) ? p : q).toList());
    }
}
