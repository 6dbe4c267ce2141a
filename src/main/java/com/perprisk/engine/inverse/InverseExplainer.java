package com.perprisk.engine.inverse;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LinearSegment;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.liquidation.SolvedPrice;
import com.perprisk.engine.tier.Tier;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.explain.Numbers.plain;
import static com.perprisk.engine.explain.Numbers.term;

/**
 * The working behind an inverse position's liquidation or bankruptcy price, in the Binance COIN-M FAQ's form:
 *
 * <pre>
 * LP = Σ C × cs × (side + MMR [+ fee]) / (WB + UPNL − TMM + Σ cum − MM_fixed − F + Σ side × C × cs / EP)
 * </pre>
 *
 * every amount in the settle coin, prices in the quote currency. It is the linear equation of the segment the price
 * lies in, written in x = 1 / P (where balance and requirement are linear) and solved for P = 1 / x.
 */
public final class InverseExplainer {
    private InverseExplainer() {
    }

    /** The liquidation price's working. */
    public static Explanation liquidation(CoinPool pool, SolvedPrice solved) {
        return explain("Liquidation price", pool, solved, Requirement.MAINTENANCE);
    }

    /** The bankruptcy price's working. */
    public static Explanation bankruptcy(CoinPool pool, SolvedPrice solved) {
        return explain("Bankruptcy price", pool, solved, Requirement.ZERO);
    }

    private static Explanation explain(String quantity, CoinPool pool, SolvedPrice solved, Requirement kind) {
        String coin = pool.asset();
        List<Term> terms = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<Leg> legs = pool.reciprocalLegs();
        boolean multi = legs.size() > 1;
        double mark = pool.markPrice();
        StringBuilder num = new StringBuilder();
        StringBuilder numV = new StringBuilder();
        StringBuilder den = new StringBuilder();
        StringBuilder denV = new StringBuilder();
        if (pool.isolated()) {
            terms.add(new Term("M", "isolated margin (posted + extra)", pool.walletOrMargin(), coin));
            den.append("M");
            denV.append(term(pool.walletOrMargin()));
        } else {
            terms.add(new Term("WB", coin + " cross wallet balance", pool.walletOrMargin(), coin));
            terms.add(new Term("UPNL", "unrealized PnL of " + coin + " cross positions in other markets",
                    pool.otherUnrealizedPnl(), coin));
            den.append("WB + UPNL");
            denV.append(term(pool.walletOrMargin())).append(" + ").append(term(pool.otherUnrealizedPnl()));
            if (kind == Requirement.MAINTENANCE) {
                terms.add(new Term("TMM", "maintenance requirement of " + coin + " cross positions in other markets",
                        pool.otherRequirement(), coin));
                den.append(" − TMM");
                denV.append(" − ").append(term(pool.otherRequirement()));
            }
        }
        LinearSegment seg = solved.segment();
        for (int i = 0; i < legs.size(); i++) {
            Leg leg = legs.get(i);
            Market m = leg.market();
            // the leg in x has the opposite side; the trader's side is its opposite
            Side side = leg.position().side().opposite();
            int s = side.sign();
            String sfx = multi ? (side == Side.LONG ? "L" : "S") : "";
            double qx = leg.position().size();
            Position own = pool.position(leg.position().id());
            double ep = own != null ? own.entryPrice() : 1 / leg.position().entryPrice();
            terms.add(new Term("C" + sfx, "contracts of " + leg.position().id() + " (" + side.name().toLowerCase()
                    + ")", contracts(leg, pool), "contracts"));
            terms.add(new Term("EP" + sfx, "entry price of " + leg.position().id(), ep, "quote"));
            String face = "C" + sfx + " × cs";
            String faceV = plain(contracts(leg, pool)) + " × " + plain(contractSize(leg, pool));
            StringBuilder factor = new StringBuilder(s > 0 ? "1" : "−1");
            StringBuilder factorV = new StringBuilder(s > 0 ? "1" : "−1");
            if (kind == Requirement.MAINTENANCE) {
                Tier tier = seg != null ? leg.rules().table().tier(seg.brackets()[i])
                        : leg.bracket(leg.market().markPrice());
                int k = leg.rules().table().tiers().indexOf(tier) + 1;
                if (leg.maintenanceMovesWithPrice()) {
                    terms.add(new Term("MMR" + sfx, "maintenance margin rate of bracket " + k, tier.mmr(), "rate"));
                    factor.append(" + MMR").append(sfx);
                    factorV.append(" + ").append(plain(tier.mmr()));
                    if (leg.rules().useAmount()) {
                        terms.add(new Term("cum" + sfx, "maintenance amount of bracket " + k,
                                tier.maintenanceAmount(), coin));
                        den.append(" + cum").append(sfx);
                        denV.append(" + ").append(term(tier.maintenanceAmount()));
                    }
                    if (solved.price() != null && leg.bracketMovesWithPrice()) {
                        notes.add(leg.position().id() + ": bracket " + k + " [" + plain(tier.floor()) + ", "
                                + plain(tier.cap()) + ") " + coin + " applies at the liquidation notional"
                                + " C × cs / LP = " + plain(qx / solved.price()) + " " + coin + ".");
                    }
                } else {
                    double mm = leg.rules().maintenanceMargin(leg.position(), leg.market().markPrice());
                    terms.add(new Term("MM" + sfx, "maintenance margin fixed at the entry value (bracket " + k
                            + ": C × cs / EP × " + plain(tier.mmr()) + " − " + plain(tier.maintenanceAmount()) + ")",
                            mm, coin));
                    den.append(" − MM").append(sfx);
                    denV.append(" − ").append(term(mm));
                }
                double fee = leg.rules().closeFeeRate();
                if (fee > 0) {
                    terms.add(new Term("fee" + sfx, "taker fee to close, counted in the requirement", fee, "rate"));
                    factor.append(" + fee").append(sfx);
                    factorV.append(" + ").append(plain(fee));
                }
            }
            if (num.length() > 0) {
                num.append(" + ");
                numV.append(" + ");
            }
            boolean bare = factor.length() <= 2;
            num.append(face).append(bare ? (s > 0 ? "" : " × (−1)") : " × (" + factor + ")");
            numV.append(faceV).append(bare ? (s > 0 ? "" : " × (−1)") : " × (" + factorV + ")");
            // + side × C × cs / EP in the denominator
            den.append(s > 0 ? " + " : " − ").append(face).append(" / EP").append(sfx);
            denV.append(s > 0 ? " + " : " − ").append(faceV).append(" / ").append(plain(ep));
        }
        if (kind == Requirement.MAINTENANCE && pool.closeFeeAtBankruptcy() > 0) {
            terms.add(new Term("F", "fee to close at the bankruptcy price, held in the position margin",
                    pool.closeFeeAtBankruptcy(), coin));
            den.append(" − F");
            denV.append(" − ").append(term(pool.closeFeeAtBankruptcy()));
        }
        terms.add(0, new Term("cs", "contract size (value of one contract)", contractSize(legs.get(0), pool),
                "quote"));
        String symbol = kind == Requirement.MAINTENANCE ? "LP" : "BP";
        String formula = symbol + " = (" + num + ") / (" + den + ")";
        String substituted = symbol + " = (" + numV + ") / (" + denV + ")";
        if (solved.atBoundary() && solved.price() != null) {
            notes.add("On that bracket's segment the line " + substituted + " has its root outside the segment: the"
                    + " requirement jumps past the balance at a bracket floor F, where C × cs / P = F.");
            Leg cut = cutLeg(pool, solved.price());
            if (cut != null) {
                double floor = cut.position().size() / solved.price();
                terms.add(new Term("F", "bracket floor of " + cut.position().id(), floor, coin));
                formula = symbol + " = C × cs / F";
                substituted = symbol + " = " + plain(contracts(cut, pool)) + " × " + plain(contractSize(cut, pool))
                        + " / " + plain(floor);
            }
        }
        if (solved.price() == null) {
            notes.add(0, kind == Requirement.MAINTENANCE
                    ? "No liquidation: no positive mark price brings the coin margin balance down to the requirement."
                    + " A short's loss in coin is bounded (at most C × cs / EP as the price rises without limit), so"
                    + " margin that covers it, as at 1x, never runs out."
                    : "No bankruptcy: no positive mark price uses up the coin margin balance.");
        } else {
            notes.add("In " + coin + " at the mark " + plain(mark) + ": margin balance "
                    + plain(pool.marginBalance(mark)) + " " + coin + " ≈ " + plain(pool.marginBalance(mark) * mark)
                    + " USD.");
        }
        notes.add("Inverse contract: amounts in " + coin + ", prices in the quote currency; in x = 1 / P balance and"
                + " requirement are straight lines, so the price is solved exactly and P = 1 / x.");
        if (kind == Requirement.MAINTENANCE) {
            Market first = legs.get(0).market();
            notes.add("Convention " + first.convention().name() + ": " + first.convention().summary() + ".");
            if (!pool.isolated()) {
                notes.add("Cross margin: the " + coin + " pool's other markets are held at their marks; their PnL"
                        + " (UPNL) and requirement (TMM) are constants here. Other coins and the linear pool are"
                        + " separate.");
            }
        }
        return new Explanation(quantity, formula, terms, substituted, solved.price(), notes);
    }

    /** The leg whose bracket floor the price is the cut of (C × cs / P = floor), or null. */
    private static Leg cutLeg(CoinPool pool, double price) {
        for (Leg leg : pool.reciprocalLegs()) {
            double n = leg.position().size() / price;
            for (double f : leg.rules().table().positiveFloors()) {
                if (Math.abs(n - f) <= 1e-9 * f) {
                    return leg;
                }
            }
        }
        return null;
    }

    private static double contractSize(Leg leg, CoinPool pool) {
        return pool.contractSize(leg.position().symbol());
    }

    private static double contracts(Leg leg, CoinPool pool) {
        Position own = pool.position(leg.position().id());
        return own != null ? own.size() : leg.position().size() / contractSize(leg, pool);
    }
}
