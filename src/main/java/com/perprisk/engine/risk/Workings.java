package com.perprisk.engine.risk;

import com.perprisk.engine.Convention;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LiquidationExplainer;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.tier.Tier;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.perprisk.engine.explain.Numbers.plain;
import static com.perprisk.engine.explain.Numbers.term;

/**
 * The working behind the headline numbers, written from the figures {@link RiskEngine} has already computed: each
 * formula with its terms and the numbers substituted. Maps of workings iterate in {@link ExplainKey} order (the
 * explain panel's order).
 */
final class Workings {
    private Workings() {
    }

    static Map<ExplainKey, Explanation> copyOf(Map<ExplainKey, Explanation> map) {
        if (map instanceof LazyWorking) {
            return map; // unmodifiable, written on first read
        }
        if (map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new EnumMap<>(map));
    }

    /** The working behind a position's headline numbers, from the figures already computed. */
    static Map<ExplainKey, Explanation> position(Portfolio portfolio, Evaluation.Solved s, PositionRisk r) {
        Position p = s.position();
        Market m = s.market();
        MarginPool pool = s.pool();
        double mark = m.markPrice();
        Leg leg = new Leg(p, m);
        double upnl = r.unrealizedPnl();
        double im = r.initialMargin();
        double rate = m.funding().rate();
        Map<ExplainKey, Explanation> ex = new EnumMap<>(ExplainKey.class);
        ex.put(ExplainKey.LIQUIDATION_PRICE, LiquidationExplainer.liquidation(pool, s.liquidation()));
        ex.put(ExplainKey.BANKRUPTCY_PRICE, LiquidationExplainer.bankruptcy(pool, s.bankruptcy()));
        // DYDX: dYdX's bankruptcy price of one position of several replaces the solver's
        DydxFills.bankruptcyPrice(pool, p, m, r.maintenanceMargin(), s.bankruptcy().price(), ex);
        if (r.fillablePrice() != null) {
            ex.put(ExplainKey.FILLABLE_PRICE, DydxFills.explainFillablePrice(pool, p, m, r.maintenanceMargin()));
        }
        ex.put(ExplainKey.MAINTENANCE_MARGIN, maintenanceExplanation(leg, mark));
        ex.put(ExplainKey.MARGIN_RATIO, ratioExplanation(pool, mark, p.isIsolated()));
        ex.put(ExplainKey.INITIAL_MARGIN, new Explanation("Initial margin", "IM = Q × EP / L",
                List.of(new Term("Q", "size", p.size(), "base"), new Term("EP", "entry price", p.entryPrice(),
                        "quote"), new Term("L", "leverage", p.leverage(), "×")),
                "IM = " + plain(p.size()) + " × " + plain(p.entryPrice()) + " / " + plain(p.leverage()), im,
                List.of("The margin committed when the position opened at its leverage.")));
        ex.put(ExplainKey.UNREALIZED_PNL, new Explanation("Unrealized PnL", "uPnL = side × Q × (MP − EP)",
                List.of(new Term("side", p.side().name().toLowerCase(), p.side().sign(), ""),
                        new Term("Q", "size", p.size(), "base"), new Term("MP", "mark price", mark, "quote"),
                        new Term("EP", "entry price", p.entryPrice(), "quote")),
                "uPnL = " + p.side().sign() + " × " + plain(p.size()) + " × (" + plain(mark) + " − "
                        + plain(p.entryPrice()) + ")", upnl,
                List.of("Measured at the mark price, not the last trade.")));
        ex.put(ExplainKey.ROE, new Explanation("Return on equity", "ROE = uPnL / IM",
                List.of(new Term("uPnL", "unrealized PnL", upnl, "quote"), new Term("IM", "initial margin", im,
                        "quote")),
                "ROE = " + term(upnl) + " / " + plain(im), r.roe(),
                List.of("Leverage multiplies the price move: ROE = side × L × (MP − EP) / EP.")));
        if (r.adlScore() != null) {
            ex.put(ExplainKey.ADL_SCORE, AdlScore.explain(upnl, p.entryNotional(), r.maintenanceMargin(),
                    r.notional()));
        }
        ex.put(ExplainKey.FUNDING_PER_SETTLEMENT, FundingPayment.explainPerSettlement(p.side(), p.size(), mark, rate));
        ex.put(ExplainKey.FUNDING_OVER_HORIZON, FundingPayment.explainOverHorizon(p.side(), p.size(), mark, rate,
                portfolio.horizonHours(), m.funding().intervalHours()));
        return ex;
    }

    private static Explanation maintenanceExplanation(Leg leg, double mark) {
        Market m = leg.market();
        Position p = leg.position();
        double n = leg.maintenanceNotional(mark);
        Tier tier = leg.bracket(mark);
        int k = leg.bracketIndex(mark) + 1;
        double mm = leg.maintenanceMargin(mark);
        boolean atEntry = m.convention().maintenanceMeasuredAt() == Convention.PriceBasis.ENTRY;
        List<Term> terms = new ArrayList<>();
        terms.add(new Term("N", atEntry ? "entry value Q × EP" : "notional at mark Q × MP", n, "quote"));
        List<String> notes = new ArrayList<>();
        notes.add("Bracket " + k + " [" + plain(tier.floor()) + ", " + plain(tier.cap()) + ") contains N; max leverage "
                + plain(tier.maxLeverage()) + "x.");
        notes.add("Convention " + m.convention().name() + ": " + m.convention().summary() + ".");
        if (m.convention().tierSource() == Convention.TierSource.DYDX_LIQUIDITY_TIER && m.dydx() != null) {
            terms.add(new Term("IMF", "initial margin fraction (base)", m.dydx().initialMarginFraction(), "rate"));
            terms.add(new Term("f", "maintenance fraction", m.dydx().maintenanceFraction(), "rate"));
            return new Explanation("Maintenance margin", "MM = N × IMF × f", terms,
                    "MM = " + plain(n) + " × " + plain(m.dydx().initialMarginFraction()) + " × "
                            + plain(m.dydx().maintenanceFraction()), mm, notes);
        }
        terms.add(new Term("MMR", "maintenance margin rate of bracket " + k, tier.mmr(), "rate"));
        if (m.convention().tierSource() == Convention.TierSource.HALF_INITIAL_AT_MAX_LEVERAGE) {
            notes.add("Hyperliquid: MMR = 1 / (2 × " + plain(tier.maxLeverage()) + ") = " + plain(tier.mmr()) + ".");
        }
        if (!m.convention().usesMaintenanceAmount()) {
            return new Explanation("Maintenance margin", "MM = N × MMR", terms,
                    "MM = " + plain(n) + " × " + plain(tier.mmr()), mm, notes);
        }
        terms.add(new Term("cum", "maintenance amount of bracket " + k, tier.maintenanceAmount(), "quote"));
        notes.add("The maintenance amount keeps MM continuous at each floor: it is the same as charging each slice of"
                + " the notional at its own bracket's rate.");
        return new Explanation("Maintenance margin", "MM = N × MMR − cum", terms,
                "MM = " + plain(n) + " × " + plain(tier.mmr()) + " − " + plain(tier.maintenanceAmount()), mm, notes);
    }

    private static Explanation ratioExplanation(MarginPool pool, double mark, boolean isolated) {
        double req = pool.requirement(mark);
        double bal = pool.marginBalance(mark);
        Double ratio = pool.marginRatio(mark);
        List<String> notes = new ArrayList<>();
        notes.add("Liquidation happens when the ratio reaches 1 (100%): the margin balance has fallen to the"
                + " maintenance requirement.");
        if (ratio == null) {
            notes.add(0, "The margin balance is at or below zero: the ratio is undefined (the pool is bankrupt).");
        }
        return new Explanation(isolated ? "Margin ratio (isolated)" : "Margin ratio (cross pool)",
                "margin ratio = maintenance requirement / margin balance",
                List.of(new Term("requirement", isolated ? "this position's maintenance requirement"
                                : "Σ maintenance requirement of cross positions", req, "quote"),
                        new Term("balance", isolated ? "isolated margin + uPnL" : "WB + Σ uPnL of cross positions",
                                bal, "quote")),
                "margin ratio = " + plain(req) + " / " + term(bal), ratio, notes);
    }

    /** The working behind the account's headline numbers. */
    static Map<ExplainKey, Explanation> account(AccountRisk a, double requirement) {
        Map<ExplainKey, Explanation> ex = new EnumMap<>(ExplainKey.class);
        ex.put(ExplainKey.MARGIN_RATIO, new Explanation("Account margin ratio (cross)",
                "margin ratio = Σ maintenance requirement / (WB + Σ uPnL)",
                List.of(new Term("Σ MM", "maintenance requirement of all cross positions", requirement, "quote"),
                        new Term("WB", "cross wallet balance", a.walletBalance(), "quote"),
                        new Term("Σ uPnL", "unrealized PnL of cross positions", a.unrealizedPnl(), "quote")),
                "margin ratio = " + plain(requirement) + " / (" + plain(a.walletBalance()) + " + "
                        + term(a.unrealizedPnl()) + ")", a.marginRatio(),
                List.of("Isolated positions are outside the cross pool.", "At 1 (100%) cross positions are"
                        + " liquidated.")));
        ex.put(ExplainKey.AVAILABLE_BALANCE, new Explanation("Available balance",
                "available = max(0, WB + Σ uPnL − Σ IM)",
                List.of(new Term("WB", "cross wallet balance", a.walletBalance(), "quote"),
                        new Term("Σ uPnL", "unrealized PnL of cross positions", a.unrealizedPnl(), "quote"),
                        new Term("Σ IM", "initial margin of cross positions", a.initialMargin(), "quote")),
                "available = max(0, " + plain(a.walletBalance()) + " + " + term(a.unrealizedPnl()) + " − "
                        + plain(a.initialMargin()) + ")", a.availableBalance(),
                List.of("What can still open new positions or be withdrawn.")));
        ex.put(ExplainKey.MAINTENANCE_MARGIN, new Explanation("Account maintenance margin (cross)",
                "Σ MM of cross positions",
                List.of(new Term("Σ MM", "sum over cross positions", a.maintenanceMargin(), "quote")),
                "Σ MM = " + plain(a.maintenanceMargin()), a.maintenanceMargin(),
                List.of("Each position's MM under its market's convention; see the position's own working.")));
        return ex;
    }
}
