package com.perprisk.engine.risk;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.inverse.CoinPool;
import com.perprisk.engine.inverse.InverseExplainer;
import com.perprisk.engine.tier.Tier;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static com.perprisk.engine.explain.Numbers.plain;
import static com.perprisk.engine.explain.Numbers.term;

/**
 * The working behind an inverse position's headline numbers: each formula in the settle coin (C contracts of cs
 * quote each, notional N(P) = C × cs / P), with the value in the quote currency at the mark beside every amount.
 */
final class InverseWorkings {
    private InverseWorkings() {
    }

    static Map<ExplainKey, Explanation> position(Portfolio portfolio, PoolEvaluation.CoinSolved s, PositionRisk r) {
        Position p = s.position();
        Market m = s.market();
        CoinPool pool = s.pool();
        String coin = pool.asset();
        double mark = m.markPrice();
        double cs = m.contract().contractSize();
        double c = p.size();
        double ep = p.entryPrice();
        int side = p.side().sign();
        Map<ExplainKey, Explanation> ex = new EnumMap<>(ExplainKey.class);
        ex.put(ExplainKey.LIQUIDATION_PRICE, InverseExplainer.liquidation(pool, s.liquidation()));
        ex.put(ExplainKey.BANKRUPTCY_PRICE, InverseExplainer.bankruptcy(pool, s.bankruptcy()));
        ex.put(ExplainKey.MAINTENANCE_MARGIN, maintenance(m, p, r, coin));
        ex.put(ExplainKey.MARGIN_RATIO, ratio(pool, mark, coin));
        Term cTerm = new Term("C", "contracts", c, "contracts");
        Term csTerm = new Term("cs", "contract size (value of one contract)", cs, "quote");
        Term epTerm = new Term("EP", "entry price", ep, "quote");
        Term mpTerm = new Term("MP", "mark price", mark, "quote");
        ex.put(ExplainKey.INITIAL_MARGIN, new Explanation("Initial margin", "IM = C × cs / EP / L",
                List.of(cTerm, csTerm, epTerm, new Term("L", "leverage", p.leverage(), "×")),
                "IM = " + plain(c) + " × " + plain(cs) + " / " + plain(ep) + " / " + plain(p.leverage()),
                r.initialMargin(), List.of("The coin margin committed at open: the entry notional C × cs / EP over"
                        + " the leverage.", usd(r.initialMargin(), coin, mark))));
        ex.put(ExplainKey.UNREALIZED_PNL, new Explanation("Unrealized PnL", "uPnL = side × C × cs × (1 / EP − 1 / MP)",
                List.of(new Term("side", p.side().name().toLowerCase(), side, ""), cTerm, csTerm, epTerm, mpTerm),
                "uPnL = " + side + " × " + plain(c) + " × " + plain(cs) + " × (1 / " + plain(ep) + " − 1 / "
                        + plain(mark) + ")", r.unrealizedPnl(),
                List.of(usd(r.unrealizedPnl(), coin, mark), "In coin the PnL is not proportional to the price move:"
                        + " a long gains less " + coin + " on a rise than it loses on the same fall, and its loss"
                        + " grows without bound as the price falls toward 0.")));
        ex.put(ExplainKey.ROE, new Explanation("Return on equity", "ROE = uPnL / IM",
                List.of(new Term("uPnL", "unrealized PnL", r.unrealizedPnl(), coin),
                        new Term("IM", "initial margin", r.initialMargin(), coin)),
                "ROE = " + term(r.unrealizedPnl()) + " / " + plain(r.initialMargin()), r.roe(),
                List.of("Both in " + coin + ": ROE = side × L × (1 − EP / MP).")));
        if (r.adlScore() != null) {
            double[] in = PoolEvaluation.adlInputs(r, p, m);
            Explanation adl = AdlScore.explain(in[0], in[1], in[2], in[3]);
            ex.put(ExplainKey.ADL_SCORE, withNote(adl, "The " + coin + " amounts at the mark " + plain(mark)
                    + " in USD (uPnL " + plain(r.unrealizedPnl()) + " " + coin + "), so that PnL%'s floor of 1 is 1"
                    + " USD as for a linear contract; the ranking is among " + coin + "-settled positions of the"
                    + " same side."));
        }
        double rate = m.funding().rate();
        List<Term> fundingTerms = List.of(new Term("side", p.side() == com.perprisk.engine.Side.LONG ? "long (+1)"
                : "short (−1)", side, ""), cTerm, csTerm, mpTerm, new Term("F", "funding rate per settlement", rate,
                "rate"));
        ex.put(ExplainKey.FUNDING_PER_SETTLEMENT, new Explanation("Funding per settlement",
                "payment = −side × C × cs / MP × F", fundingTerms,
                "payment = −" + term(side) + " × " + plain(c) + " × " + plain(cs) + " / " + plain(mark) + " × "
                        + term(rate), r.fundingPerSettlement(),
                List.of("Paid in " + coin + " on the coin notional at the mark: + received, − paid.",
                        usd(r.fundingPerSettlement(), coin, mark))));
        int n = FundingPayment.settlementsWithin(portfolio.horizonHours(), m.funding().intervalHours());
        List<Term> horizonTerms = new ArrayList<>(fundingTerms);
        horizonTerms.add(new Term("n", "settlements within the horizon", n, "count"));
        ex.put(ExplainKey.FUNDING_OVER_HORIZON, new Explanation("Funding over the horizon",
                "total = n × (−side × C × cs / MP × F)", horizonTerms,
                "total = " + n + " × (−" + term(side) + " × " + plain(c) + " × " + plain(cs) + " / " + plain(mark)
                        + " × " + term(rate) + ")", r.fundingOverHorizon(),
                List.of("At today's mark and rate, in " + coin + ".", usd(r.fundingOverHorizon(), coin, mark))));
        return ex;
    }

    private static Explanation maintenance(Market m, Position p, PositionRisk r, String coin) {
        Tier tier = m.tiers().tier(r.bracket() - 1);
        boolean atEntry = m.convention().maintenanceMeasuredAt() == com.perprisk.engine.Convention.PriceBasis.ENTRY;
        double price = atEntry ? p.entryPrice() : m.markPrice();
        double cs = m.contract().contractSize();
        double n = m.contract().coinNotional(p.size(), price);
        List<Term> terms = new ArrayList<>();
        terms.add(new Term("C", "contracts", p.size(), "contracts"));
        terms.add(new Term("cs", "contract size", cs, "quote"));
        terms.add(new Term(atEntry ? "EP" : "MP", atEntry ? "entry price" : "mark price", price, "quote"));
        terms.add(new Term("MMR", "maintenance margin rate of bracket " + r.bracket(), tier.mmr(), "rate"));
        List<String> notes = new ArrayList<>();
        notes.add("N = C × cs / " + (atEntry ? "EP" : "MP") + " = " + plain(n) + " " + coin + " (" + (atEntry
                ? "the entry value, fixed while the price moves" : "the coin notional at the mark") + "); bracket "
                + r.bracket() + " [" + plain(tier.floor()) + ", " + plain(tier.cap()) + ") " + coin
                + " contains it; max leverage " + plain(tier.maxLeverage()) + "x.");
        notes.add("Convention " + m.convention().name() + ": " + m.convention().summary() + ".");
        notes.add(usd(r.maintenanceMargin(), coin, m.markPrice()));
        String symbolP = atEntry ? "EP" : "MP";
        String base = plain(p.size()) + " × " + plain(cs) + " / " + plain(price) + " × " + plain(tier.mmr());
        if (!m.convention().usesMaintenanceAmount()) {
            return new Explanation("Maintenance margin", "MM = C × cs / " + symbolP + " × MMR", terms,
                    "MM = " + base, r.maintenanceMargin(), notes);
        }
        terms.add(new Term("cum", "maintenance amount of bracket " + r.bracket(), tier.maintenanceAmount(), coin));
        notes.add("The maintenance amount keeps MM continuous at each floor, by the same recursion as a linear"
                + " table, in " + coin + ".");
        return new Explanation("Maintenance margin", "MM = C × cs / " + symbolP + " × MMR − cum", terms,
                "MM = " + base + " − " + plain(tier.maintenanceAmount()), r.maintenanceMargin(), notes);
    }

    private static Explanation ratio(CoinPool pool, double mark, String coin) {
        double req = pool.requirement(mark);
        double bal = pool.marginBalance(mark);
        Double ratio = pool.marginRatio(mark);
        List<String> notes = new ArrayList<>();
        notes.add("Both in " + coin + ": requirement ≈ " + plain(req * mark) + " USD, balance ≈ " + plain(bal * mark)
                + " USD at the mark " + plain(mark) + ". Liquidation at 1 (100%).");
        if (pool.closeFeeAtBankruptcy() > 0) {
            notes.add("The requirement holds the fee to close at the bankruptcy price, "
                    + plain(pool.closeFeeAtBankruptcy()) + " " + coin + ".");
        }
        if (ratio == null) {
            notes.add(0, "The margin balance is at or below zero: the ratio is undefined (the pool is bankrupt).");
        }
        boolean isolated = pool.isolated();
        return new Explanation(isolated ? "Margin ratio (isolated)" : "Margin ratio (" + coin + " cross pool)",
                "margin ratio = maintenance requirement / margin balance",
                List.of(new Term("requirement", isolated ? "this position's maintenance requirement"
                                : "Σ maintenance requirement of " + coin + " cross positions", req, coin),
                        new Term("balance", isolated ? "isolated margin + uPnL" : coin + " wallet + Σ uPnL of " + coin
                                + " cross positions", bal, coin)),
                "margin ratio = " + plain(req) + " / " + term(bal), ratio, notes);
    }

    /**
     * The working behind a coin pool's account figures: the account's, in the coin, with the USD value of the
     * balance at the coin's mark beside it.
     */
    static Map<ExplainKey, Explanation> pool(String coin, AccountRisk a, double requirement, double price) {
        Map<ExplainKey, Explanation> out = new EnumMap<>(ExplainKey.class);
        for (var e : Workings.account(a, requirement).entrySet()) {
            Explanation x = e.getValue();
            List<Term> terms = x.terms().stream().map(t -> "quote".equals(t.unit())
                    ? new Term(t.symbol(), t.name().replace("cross wallet", coin + " cross wallet")
                    .replace("cross positions", coin + " cross positions"), t.value(), coin) : t).toList();
            List<String> notes = new ArrayList<>(x.notes());
            notes.add("The " + coin + " cross pool: " + coin + "-settled inverse positions share the " + coin
                    + " wallet; other coins and the linear pool are separate.");
            if (Double.isFinite(price)) {
                notes.add("Margin balance " + usd(a.marginBalance(), coin, price));
            }
            out.put(e.getKey(), new Explanation(coin + " pool: " + x.quantity(), x.formula(), terms, x.substituted(),
                    x.result(), notes));
        }
        return out;
    }

    /** "≈ 123.4 USD at the mark 60000": a coin amount's value in the quote currency. */
    private static String usd(double coinAmount, String coin, double mark) {
        return plain(coinAmount) + " " + coin + " ≈ " + plain(coinAmount * mark) + " USD at the mark " + plain(mark)
                + ".";
    }

    /** The same working with a note added. */
    private static Explanation withNote(Explanation e, String note) {
        List<String> notes = new ArrayList<>(e.notes());
        notes.add(note);
        return new Explanation(e.quantity(), e.formula(), e.terms(), e.substituted(), e.result(), notes);
    }
}
