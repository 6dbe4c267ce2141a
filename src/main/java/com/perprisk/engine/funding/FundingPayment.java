package com.perprisk.engine.funding;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.util.List;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;
import static com.perprisk.engine.EngineInputs.result;

/**
 * What a position pays or receives in funding (domain reference §5). Sign convention: + received, − paid.
 * A positive rate means longs pay shorts; a negative rate, shorts pay longs.
 */
public final class FundingPayment {

    /** Tolerance for counting settlements, so that e.g. 0.3 h / 0.1 h counts 3 and not 2.9999… → 2. */
    private static final double COUNT_TOLERANCE = 1e-9;

    private FundingPayment() {
    }

    /**
     * Funding for one settlement at the given mark: + received, − paid.
     *
     * @param side      long or short
     * @param size      |size| in base units (Q)
     * @param markPrice mark price at the settlement (MP)
     * @param rate      funding rate of the settlement (F); positive: longs pay shorts
     */
    public static double perSettlement(Side side, double size, double markPrice, double rate) {
        present("side", side);
        nonNegative("position size", size);
        positive("mark price", markPrice);
        finite("funding rate", rate);
        return result("funding per settlement", perSettlement(signedSize(side, size), markPrice, rate));
    }

    /** −side × Q: the factor of a position's funding payment that is the same at every settlement. */
    public static double signedSize(Side side, double size) {
        return -side.sign() * size;
    }

    /**
     * {@link #perSettlement(Side, double, double, double)} from −side × Q ({@link #signedSize}), its inputs not
     * checked and its answer not either (it may be ±∞ or NaN where the checked one throws): for a loop that checked
     * them once, such as the Monte Carlo's settlements.
     */
    public static double perSettlement(double signedSize, double markPrice, double rate) {
        // payment = −side × Q × MP × F   (+ received, − paid)
        double payment = signedSize * markPrice * rate;
        return payment + 0.0; // + 0.0 turns −0 into 0
    }

    /**
     * Funding of a position at its market's mark for one settlement, in the market's margin asset: −side × Q × MP × F,
     * or −side × N(MP) × F = −side × C × cs / MP × F in the settle coin for an inverse contract.
     */
    public static double perSettlement(com.perprisk.engine.Position p, com.perprisk.engine.Market m) {
        if (m.isInverse()) {
            // −side × (C × cs) × (1 / MP) × F: the coin notional in place of Q × MP
            return perSettlement(p.side(), m.contract().faceValue(p.size()), 1 / m.markPrice(), m.funding().rate());
        }
        return perSettlement(p.side(), p.size(), m.markPrice(), m.funding().rate());
    }

    /**
     * Number of settlements inside a horizon: floor(horizon / interval). Funding is discrete: it is exchanged only
     * at the settlement times, so a position held for 7 h 59 min of an 8 h interval pays nothing for it. The count
     * assumes the horizon starts at a settlement, so the first one falls a full interval from now.
     *
     * @param horizonHours  how long the position is held, in hours
     * @param intervalHours hours between settlements
     */
    public static int settlementsWithin(double horizonHours, double intervalHours) {
        nonNegative("horizon", horizonHours);
        positive("funding interval", intervalHours);
        // n = floor(horizon / interval)
        double count = Math.floor(horizonHours / intervalHours + COUNT_TOLERANCE);
        if (count > Integer.MAX_VALUE) {
            throw new EngineException("a horizon of " + Numbers.plain(horizonHours) + " h holds too many "
                    + Numbers.plain(intervalHours) + " h settlements to count");
        }
        return (int) count;
    }

    /**
     * The funding schedule: settlements falling in the interval (from, to] of hours since the start, when they fall
     * every {@code intervalHours} from the start: ⌊to / interval⌋ − ⌊from / interval⌋. The simulation and the Monte
     * Carlo settle funding by it.
     */
    public static long settlementsBetween(double fromHours, double toHours, double intervalHours) {
        // n = ⌊t_k / Δ⌋ − ⌊t_{k−1} / Δ⌋
        return (long) Math.floor(toHours / intervalHours + COUNT_TOLERANCE)
                - (long) Math.floor(fromHours / intervalHours + COUNT_TOLERANCE);
    }

    /**
     * Funding over a horizon at a constant mark and rate: the number of settlements times one settlement.
     *
     * @param horizonHours  how long the position is held, in hours
     * @param intervalHours hours between settlements
     */
    public static double overHorizon(Side side, double size, double markPrice, double rate, double horizonHours,
                                     double intervalHours) {
        double each = perSettlement(side, size, markPrice, rate);
        int n = settlementsWithin(horizonHours, intervalHours);
        // total = n × payment per settlement
        return result("funding over the horizon", n * each + 0.0);
    }

    /** {@link #overHorizon(Side, double, double, double, double, double)} with a market's funding terms. */
    public static double overHorizon(Side side, double size, double markPrice, FundingTerms terms,
                                     double horizonHours) {
        present("funding terms", terms);
        return overHorizon(side, size, markPrice, terms.rate(), horizonHours, terms.intervalHours());
    }

    /** Settlements in a 365-day year: 365 × 24 / interval. */
    public static double settlementsPerYear(double intervalHours) {
        positive("funding interval", intervalHours);
        // n = 365 × 24 / interval
        return 365.0 * 24.0 / intervalHours;
    }

    /**
     * Simple annualized funding: F × settlements per year. 0.01% per 8 h → 10.95%.
     *
     * @param rate          funding rate per settlement
     * @param intervalHours hours between settlements
     */
    public static double apr(double rate, double intervalHours) {
        finite("funding rate", rate);
        // APR = F × 365 × 24 / interval
        return result("funding APR", rate * settlementsPerYear(intervalHours));
    }

    /**
     * Compounded annualized funding, as if each payment were reinvested: (1 + F)^n − 1 with n settlements a year.
     * 0.01% per 8 h → 11.57%.
     *
     * @param rate          funding rate per settlement, above −100%
     * @param intervalHours hours between settlements
     */
    public static double apy(double rate, double intervalHours) {
        finite("funding rate", rate);
        if (rate <= -1) {
            throw new EngineException("a funding rate of " + Numbers.plain(rate * 100)
                    + "% per settlement has no compounded yield (it must be above −100%)");
        }
        double n = settlementsPerYear(intervalHours);
        // APY = (1 + F)^n − 1, computed as exp(n × ln(1 + F)) − 1 for precision at small F
        return result("funding APY", Math.expm1(n * Math.log1p(rate)));
    }

    /** The working behind {@link #perSettlement}. */
    public static Explanation explainPerSettlement(Side side, double size, double markPrice, double rate) {
        double payment = perSettlement(side, size, markPrice, rate);
        List<Term> terms = List.of(
                new Term("side", side == Side.LONG ? "long (+1)" : "short (−1)", side.sign(), ""),
                new Term("Q", "position size", size, "base"),
                new Term("MP", "mark price", markPrice, "quote"),
                new Term("F", "funding rate per settlement", rate, "rate"));
        String substituted = "payment = −" + Numbers.term(side.sign()) + " × " + Numbers.term(size) + " × "
                + Numbers.term(markPrice) + " × " + Numbers.term(rate);
        return new Explanation("Funding per settlement", "payment = −side × Q × MP × F", terms, substituted,
                payment, List.of(directionNote(rate), outcomeNote(side, rate, payment),
                        "Measured at today's mark; the venue uses the mark at the settlement time."));
    }

    /** The working behind {@link #overHorizon(Side, double, double, double, double, double)}. */
    public static Explanation explainOverHorizon(Side side, double size, double markPrice, double rate,
                                                 double horizonHours, double intervalHours) {
        double total = overHorizon(side, size, markPrice, rate, horizonHours, intervalHours);
        int n = settlementsWithin(horizonHours, intervalHours);
        List<Term> terms = List.of(
                new Term("side", side == Side.LONG ? "long (+1)" : "short (−1)", side.sign(), ""),
                new Term("Q", "position size", size, "base"),
                new Term("MP", "mark price", markPrice, "quote"),
                new Term("F", "funding rate per settlement", rate, "rate"),
                new Term("H", "horizon", horizonHours, "h"),
                new Term("Δ", "funding interval", intervalHours, "h"),
                new Term("n", "settlements within the horizon", n, ""));
        String substituted = "total = " + n + " × (−" + Numbers.term(side.sign()) + " × " + Numbers.term(size)
                + " × " + Numbers.term(markPrice) + " × " + Numbers.term(rate) + ")";
        return new Explanation("Funding over the horizon", "total = n × (−side × Q × MP × F),  n = floor(H / Δ)",
                terms, substituted, total, List.of(
                        "Settlements are discrete: n = floor(" + Numbers.plain(horizonHours) + " / "
                                + Numbers.plain(intervalHours) + ") = " + n
                                + "; a part of an interval pays nothing.",
                        directionNote(rate),
                        "Mark price and funding rate are held constant over the horizon."));
    }

    /** Who pays whom at this rate. */
    private static String directionNote(double rate) {
        if (rate > 0) {
            return "F > 0: longs pay shorts.";
        }
        if (rate < 0) {
            return "F < 0: shorts pay longs.";
        }
        return "F = 0: no funding changes hands.";
    }

    /** What this position does at this rate. */
    private static String outcomeNote(Side side, double rate, double payment) {
        String who = side == Side.LONG ? "This long" : "This short";
        if (payment > 0) {
            return who + " receives " + Numbers.plain(payment) + " per settlement (+ received).";
        }
        if (payment < 0) {
            return who + " pays " + Numbers.plain(-payment) + " per settlement (− paid).";
        }
        return who + " neither pays nor receives at F = " + Numbers.plain(rate) + ".";
    }
}
