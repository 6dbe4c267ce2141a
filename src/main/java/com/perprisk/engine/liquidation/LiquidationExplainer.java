package com.perprisk.engine.liquidation;

import com.perprisk.engine.Convention;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.tier.Tier;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.explain.Numbers.plain;
import static com.perprisk.engine.explain.Numbers.term;

/**
 * Writes out the working behind a liquidation or bankruptcy price: the linear equation of the segment the price lies
 * in, solved for P, in Binance's closed form (domain §2.1), with every term named and substituted.
 */
public final class LiquidationExplainer {
    private LiquidationExplainer() {
    }

    /** The liquidation price's working. */
    public static Explanation liquidation(MarginPool pool, SolvedPrice solved) {
        return explain("Liquidation price", pool, solved, Requirement.MAINTENANCE);
    }

    /** The bankruptcy price's working. */
    public static Explanation bankruptcy(MarginPool pool, SolvedPrice solved) {
        return explain("Bankruptcy price", pool, solved, Requirement.ZERO);
    }

    private static Explanation explain(String quantity, MarginPool pool, SolvedPrice solved, Requirement kind) {
        List<Term> terms = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean multi = pool.legs().size() > 1;
        StringBuilder num = new StringBuilder();
        StringBuilder numV = new StringBuilder();
        StringBuilder den = new StringBuilder();
        StringBuilder denV = new StringBuilder();

        if (pool.isolated()) {
            terms.add(new Term("M", "isolated margin (posted + extra)", pool.walletOrMargin(), "quote"));
            num.append("M");
            numV.append(term(pool.walletOrMargin()));
        } else {
            terms.add(new Term("WB", "cross wallet balance", pool.walletOrMargin(), "quote"));
            terms.add(new Term("UPNL", "unrealized PnL of cross positions in other markets", pool.otherUnrealizedPnl(),
                    "quote"));
            num.append("WB + UPNL");
            numV.append(term(pool.walletOrMargin())).append(" + ").append(term(pool.otherUnrealizedPnl()));
            if (kind == Requirement.MAINTENANCE) {
                terms.add(new Term("TMM", "maintenance requirement of cross positions in other markets",
                        pool.otherRequirement(), "quote"));
                num.append(" − TMM");
                numV.append(" − ").append(term(pool.otherRequirement()));
            }
        }
        LinearSegment seg = solved.segment();
        for (int i = 0; i < pool.legs().size(); i++) {
            Leg leg = pool.legs().get(i);
            String sfx = multi ? (leg.position().side() == Side.LONG ? "L" : "S") : "";
            double q = leg.position().size();
            double ep = leg.position().entryPrice();
            int side = leg.position().side().sign();
            terms.add(new Term("Q" + sfx, "size of " + leg.position().id() + " (" + leg.position().side()
                    .name().toLowerCase() + ")", q, "base"));
            terms.add(new Term("EP" + sfx, "entry price of " + leg.position().id(), ep, "quote"));
            String sideWord = side > 0 ? " − " : " + ";
            if (kind == Requirement.MAINTENANCE) {
                Tier tier = seg != null ? leg.rules().table().tier(seg.brackets()[i])
                        : leg.bracket(pool.markPrice());
                double fee = leg.rules().closeFeeRate();
                if (leg.maintenanceMovesWithPrice()) {
                    terms.add(new Term("MMR" + sfx, "maintenance margin rate of bracket " + (indexOf(leg, tier) + 1),
                            tier.mmr(), "rate"));
                    if (leg.rules().useAmount()) {
                        terms.add(new Term("cum" + sfx, "maintenance amount of that bracket", tier.maintenanceAmount(),
                                "quote"));
                        num.append(" + cum").append(sfx);
                        numV.append(" + ").append(term(tier.maintenanceAmount()));
                    }
                    if (den.length() > 0) {
                        den.append(" + ");
                        denV.append(" + ");
                    }
                    if (fee > 0) {
                        terms.add(new Term("fee" + sfx, "taker fee to close, counted in the requirement", fee, "rate"));
                        den.append("Q").append(sfx).append(" × (MMR").append(sfx).append(" + fee").append(sfx)
                                .append(")");
                        denV.append(plain(q)).append(" × (").append(plain(tier.mmr())).append(" + ")
                                .append(plain(fee)).append(")");
                    } else {
                        den.append("Q").append(sfx).append(" × MMR").append(sfx);
                        denV.append(plain(q)).append(" × ").append(plain(tier.mmr()));
                    }
                    double nAtLp = solved.price() == null ? Double.NaN : q * solved.price();
                    if (!leg.bracketMovesWithPrice()) {
                        notes.add(leg.position().id() + ": the tier is fixed by the position size (entry notional "
                                + plain(leg.position().entryNotional()) + "): bracket " + (indexOf(leg, tier) + 1)
                                + ".");
                    } else if (solved.price() != null) {
                        notes.add(leg.position().id() + ": bracket " + (indexOf(leg, tier) + 1) + " [" + plain(
                                tier.floor()) + ", " + plain(tier.cap()) + ") applies at the liquidation notional Q × LP = "
                                + plain(nAtLp) + ", not at the entry notional " + plain(leg.position().entryNotional())
                                + ".");
                    }
                } else {
                    double mmEntry = leg.maintenanceMargin(pool.markPrice());
                    terms.add(new Term("MM" + sfx, "maintenance margin fixed at entry value (bracket "
                            + (indexOf(leg, tier) + 1) + ": N_entry × " + plain(tier.mmr()) + " − "
                            + plain(tier.maintenanceAmount()) + ")", mmEntry, "quote"));
                    num.append(" − MM").append(sfx);
                    numV.append(" − ").append(term(mmEntry));
                    notes.add(leg.market().convention().venueName()
                            + " measures maintenance at the entry value, so it does not change as the price moves.");
                }
            } else if (kind == Requirement.CLOSE_FEE) {
                double fee = leg.market().takerFeeRate();
                terms.add(new Term("fee" + sfx, "taker fee to close", fee, "rate"));
                if (den.length() > 0) {
                    den.append(" + ");
                    denV.append(" + ");
                }
                den.append("Q").append(sfx).append(" × fee").append(sfx);
                denV.append(plain(q)).append(" × ").append(plain(fee));
            }
            // − side × Q × EP in the numerator, − side × Q in the denominator
            num.append(sideWord).append("Q").append(sfx).append(" × EP").append(sfx);
            numV.append(sideWord).append(plain(q)).append(" × ").append(plain(ep));
            if (den.length() > 0) {
                den.append(sideWord).append("Q").append(sfx);
                denV.append(sideWord).append(plain(q));
            } else {
                den.append(side > 0 ? "−Q" : "Q").append(sfx);
                denV.append(side > 0 ? "−" : "").append(plain(q));
            }
        }
        String symbol = kind == Requirement.MAINTENANCE ? "LP" : "BP";
        String formula = symbol + " = (" + num + ") / (" + den + ")";
        String substituted = symbol + " = (" + numV + ") / (" + denV + ")";
        if (solved.atBoundary() && solved.price() != null) {
            // the price is the cut P = floor / Q itself: show that arithmetic, and the segment's line as a note
            Cut cut = cutAt(pool, solved.price());
            if (cut != null) {
                notes.add("On that bracket's segment the balance line " + substituted + " has its root outside"
                        + " the segment: the requirement jumps past the balance at the floor.");
                String sfx = multi ? (cut.leg().position().side() == Side.LONG ? "L" : "S") : "";
                terms.add(new Term("F", "floor of bracket " + (cut.bracket() + 1) + " of "
                        + cut.leg().position().id(), cut.floor(), "quote"));
                formula = symbol + " = F / Q" + sfx;
                substituted = symbol + " = " + plain(cut.floor()) + " / " + plain(cut.leg().position().size());
            }
        }
        if (solved.price() == null) {
            notes.add(0, kind == Requirement.MAINTENANCE
                    ? "No liquidation: no positive mark price brings the margin balance down to the requirement"
                    + " (the margin covers the whole possible loss)."
                    : "No bankruptcy: no positive mark price uses up the margin balance.");
        } else if (solved.atBoundary()) {
            notes.add(0, "The requirement jumps at a bracket floor (no maintenance amount), so liquidation happens"
                    + " at the floor's price itself.");
        }
        if (kind == Requirement.MAINTENANCE) {
            notes.add("Convention " + pool.legs().get(0).market().convention().name() + ": "
                    + pool.legs().get(0).market().convention().summary() + ".");
            if (!pool.isolated()) {
                notes.add("Cross margin: other markets are held at their current marks; their PnL (UPNL) and"
                        + " requirement (TMM) are constants here.");
            }
            entryMeasureNote(pool, solved).ifPresent(notes::add);
        }
        return new Explanation(quantity, formula, terms, substituted, solved.price(), notes);
    }

    /** For an isolated one-leg mark-based position: the quick "MM at entry" estimate and why it differs. */
    private static java.util.Optional<String> entryMeasureNote(MarginPool pool, SolvedPrice solved) {
        if (!pool.isolated() || pool.legs().size() != 1 || solved.price() == null) {
            return java.util.Optional.empty();
        }
        Leg leg = pool.legs().get(0);
        if (!leg.maintenanceMovesWithPrice()) {
            return java.util.Optional.empty();
        }
        double mmEntry = leg.rules().table().maintenanceMargin(leg.position().entryNotional());
        double quick = entryMeasureEstimate(pool);
        return java.util.Optional.of("Quick estimate with MM measured at entry (MM = " + plain(mmEntry)
                + "): EP − side × (M − MM) / Q = " + plain(quick) + ". The exact price differs by "
                + plain(Math.abs(quick - solved.price())) + " because the maintenance margin shrinks (long) or grows"
                + " (short) with the notional on the way to liquidation.");
    }

    /** EP − side × (M − MM_entry) / Q: the shortcut that measures maintenance at the entry notional. */
    public static double entryMeasureEstimate(MarginPool pool) {
        Leg leg = pool.legs().get(0);
        double mmEntry = leg.rules().table().maintenanceMargin(leg.position().entryNotional());
        return leg.position().entryPrice()
                - leg.position().side().sign() * (pool.walletOrMargin() - mmEntry) / leg.position().size();
    }

    /** A bracket floor of one leg, as a cut of the price axis at P = floor / Q. */
    private record Cut(Leg leg, int bracket, double floor) {
    }

    /** The cut a boundary price lies on: the leg and bracket floor with floor / Q at that price. */
    private static Cut cutAt(MarginPool pool, double price) {
        Cut best = null;
        double bestGap = Double.POSITIVE_INFINITY;
        for (Leg leg : pool.legs()) {
            List<Tier> tiers = leg.rules().table().tiers();
            for (int k = 1; k < tiers.size(); k++) {
                double gap = Math.abs(tiers.get(k).floor() / leg.position().size() - price);
                if (gap < bestGap) {
                    bestGap = gap;
                    best = new Cut(leg, k, tiers.get(k).floor());
                }
            }
        }
        return bestGap <= 1e-9 * Math.abs(price) ? best : null;
    }

    private static int indexOf(Leg leg, Tier tier) {
        return leg.rules().table().tiers().indexOf(tier);
    }

    /** Convenience for callers that only know the convention: what it changes, in one line. */
    public static String conventionNote(Convention c) {
        return c.venueName() + ": " + c.summary();
    }
}
