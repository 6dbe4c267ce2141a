package com.perprisk.engine.adl;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.liquidation.Leg;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.result;

/**
 * Auto-deleveraging scores: the higher the score, the earlier a profitable position is closed to cover a bankrupt
 * one on the other side (domain reference §4). Venues define the score three different ways; each has its method.
 */
public final class AdlScore {
    /**
     * The ADL ranking input of a position at its market's mark: its score from uPnL, entry value, maintenance margin
     * and notional, and its notional Q × mark. The one place the queue's entries are built (report and simulation).
     */
    public static AdlRanking.Entry entry(Position p, Market m) {
        double mark = m.markPrice();
        Leg leg = new Leg(p, m);
        double value = p.notionalAt(mark);
        Double score = positionScore(leg.unrealizedPnl(mark), p.entryNotional(), leg.maintenanceMargin(mark), value);
        return new AdlRanking.Entry(p.id(), p.side(), score, value);
    }

    private AdlScore() {
    }

    /**
     * Unrealized PnL as a fraction of the entry value, with the entry value floored at 1 so that a tiny position
     * cannot produce a huge percentage.
     */
    public static double pnlPercent(double uPnl, double entryValue) {
        finite("unrealized PnL", uPnl);
        nonNegative("entry value", entryValue);
        // PnL% = uPnL / max(1, entry value)
        return result("PnL%", uPnl / Math.max(1.0, entryValue));
    }

    /**
     * Position-level score (seed 001, BitMEX-style venues): profit per unit of margin ratio, so both profit and
     * leverage push a position up the queue.
     *
     * @param uPnl              unrealized PnL at the mark
     * @param entryValue        Q × entry price
     * @param maintenanceMargin the position's maintenance margin
     * @param valueAtMark       Q × mark price
     * @return the score, or {@code null} when the maintenance margin is 0 or less (the margin ratio is 0 and the
     *         score undefined)
     */
    public static Double positionScore(double uPnl, double entryValue, double maintenanceMargin,
                                       double valueAtMark) {
        double pnlPct = pnlPercent(uPnl, entryValue);
        finite("maintenance margin", maintenanceMargin);
        positive("position value at mark", valueAtMark);
        if (maintenanceMargin <= 0) {
            return null;
        }
        // score = PnL% / (MM / value at mark)
        return result("ADL score", pnlPct / (maintenanceMargin / valueAtMark));
    }

    /**
     * Effective leverage as BitMEX defines it: |mark value| / (mark value − bankrupt value). Values are signed as
     * BitMEX signs them (negative for a short), so the denominator is the margin left above bankruptcy for both sides.
     */
    public static double effectiveLeverage(double markValue, double bankruptValue) {
        finite("mark value", markValue);
        finite("bankrupt value", bankruptValue);
        if (markValue == 0) {
            throw new EngineException("mark value is 0: a closed position has no effective leverage");
        }
        double cushion = markValue - bankruptValue;
        if (cushion <= 0) {
            throw new EngineException("mark value " + Numbers.plain(markValue) + " is not above the bankrupt value "
                    + Numbers.plain(bankruptValue) + ": the position is at or past bankruptcy");
        }
        // effective leverage = |mark value| / (mark value − bankrupt value)
        return result("effective leverage", Math.abs(markValue) / cushion);
    }

    /**
     * BitMEX's score: profitable positions are ranked by PnL% × effective leverage, losing ones by
     * PnL% / effective leverage (so among losers the less leveraged come first).
     *
     * @param pnlPct        unrealized PnL% of the position
     * @param markValue     position value at mark, signed (negative for a short)
     * @param bankruptValue position value at the bankruptcy price, signed the same way
     */
    public static double bitmex(double pnlPct, double markValue, double bankruptValue) {
        finite("PnL%", pnlPct);
        double effLev = effectiveLeverage(markValue, bankruptValue);
        // score = PnL% × effective leverage if PnL% > 0, else PnL% / effective leverage
        return result("ADL score", pnlPct > 0 ? pnlPct * effLev : pnlPct / effLev);
    }

    /**
     * Binance's account-level score: PnL% of the wallet times the account's margin ratio. An account without
     * unrealized profit scores 0.
     *
     * @param uPnl              the account's total unrealized PnL
     * @param walletBalance     the account's wallet balance
     * @param maintenanceMargin the account's total maintenance margin
     */
    public static double binanceAccount(double uPnl, double walletBalance, double maintenanceMargin) {
        finite("unrealized PnL", uPnl);
        finite("wallet balance", walletBalance);
        nonNegative("maintenance margin", maintenanceMargin);
        if (uPnl <= 0) {
            return 0.0; // max(0, uPnL) = 0: nothing to deleverage first
        }
        double marginBalance = walletBalance + uPnl;
        if (marginBalance <= 0) {
            throw new EngineException("margin balance (wallet " + Numbers.plain(walletBalance) + " + uPnL "
                    + Numbers.plain(uPnl) + ") is not above 0: the margin ratio is undefined");
        }
        // score = max(0, uPnL) / max(1, WB) × MM / (WB + uPnL)
        return result("ADL score", uPnl / Math.max(1.0, walletBalance) * (maintenanceMargin / marginBalance));
    }

    /** The working behind {@link #positionScore}. */
    public static Explanation explain(double uPnl, double entryValue, double maintenanceMargin, double valueAtMark) {
        Double score = positionScore(uPnl, entryValue, maintenanceMargin, valueAtMark);
        double pnlPct = pnlPercent(uPnl, entryValue);
        List<Term> terms = List.of(
                new Term("uPnL", "unrealized PnL", uPnl, "quote"),
                new Term("EV", "entry value", entryValue, "quote"),
                new Term("MM", "maintenance margin", maintenanceMargin, "quote"),
                new Term("V", "position value at mark", valueAtMark, "quote"));
        String substituted = "score = (" + Numbers.term(uPnl) + " / max(1, " + Numbers.term(entryValue) + ")) / ("
                + Numbers.term(maintenanceMargin) + " / " + Numbers.term(valueAtMark) + ")";
        List<String> notes = new ArrayList<>();
        notes.add("PnL% = " + Numbers.plain(pnlPct) + "; margin ratio MM / V = "
                + Numbers.plain(maintenanceMargin / valueAtMark) + ".");
        if (score == null) {
            notes.add("Maintenance margin is 0, so the score is undefined; the position ranks last.");
        } else {
            notes.add("Higher profit and higher leverage (a smaller MM / V) raise the score.");
        }
        notes.add("Longs and shorts are ranked separately; only the side opposite a bankrupt position is deleveraged.");
        return new Explanation("ADL score", "score = PnL% / (MM / V),  PnL% = uPnL / max(1, EV)", terms, substituted,
                score, notes);
    }
}
