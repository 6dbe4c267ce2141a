package com.perprisk.engine.pricing;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.util.List;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.result;

/**
 * Mark price: the price PnL and liquidation are measured against (domain reference §7). It follows the index, not
 * the last trade, so that a brief wick on one venue does not liquidate anyone.
 */
public final class MarkPrice {
    private MarkPrice() {
    }

    /**
     * Index plus a funding basis that decays linearly to zero at the settlement.
     * Index 60,000, F = 0.01%, 2 h left of 8 h → 60,001.50.
     *
     * @param index          index price
     * @param rate           current funding rate per interval
     * @param hoursToFunding hours left until the next settlement, 0 ≤ t ≤ interval
     * @param intervalHours  hours between settlements
     */
    public static double fundingBasis(double index, double rate, double hoursToFunding, double intervalHours) {
        positive("index price", index);
        finite("funding rate", rate);
        nonNegative("hours to funding", hoursToFunding);
        positive("funding interval", intervalHours);
        if (hoursToFunding > intervalHours) {
            throw new EngineException(Numbers.plain(hoursToFunding) + " h to funding is longer than the "
                    + Numbers.plain(intervalHours) + " h funding interval");
        }
        // MP = index × (1 + F × t / interval)
        double mark = index * (1 + rate * hoursToFunding / intervalHours);
        return positiveResult("mark price", mark);
    }

    /**
     * Median of the index and the two impact prices: the mark stays at the index while the index lies between the
     * impact bid and ask, and follows the nearer impact price when it does not.
     */
    public static double median(double index, double impactBid, double impactAsk) {
        positive("index price", index);
        positive("impact bid", impactBid);
        positive("impact ask", impactAsk);
        // MP = median(index, impact bid, impact ask)
        return medianOfThree(index, impactBid, impactAsk);
    }

    /**
     * Binance's mark price: the median of three candidates, so that no one of them can move the mark alone.
     *
     * @param index              index price
     * @param rate               current funding rate per interval
     * @param hoursToFunding     hours left until the next settlement
     * @param intervalHours      hours between settlements
     * @param movingAverageBasis moving average of (mid price − index), in price units (may be negative)
     * @param lastPrice          last traded price of the perpetual
     */
    public static double binance(double index, double rate, double hoursToFunding, double intervalHours,
                                 double movingAverageBasis, double lastPrice) {
        double withFundingBasis = fundingBasis(index, rate, hoursToFunding, intervalHours);
        finite("moving average basis", movingAverageBasis);
        positive("last price", lastPrice);
        // index + MA(mid − index)
        double withMovingBasis = positiveResult("index plus moving average basis", index + movingAverageBasis);
        // MP = median(index × (1 + F × t / interval), index + MA(mid − index), last price)
        return medianOfThree(withFundingBasis, withMovingBasis, lastPrice);
    }

    /** The working behind {@link #fundingBasis}. */
    public static Explanation explainFundingBasis(double index, double rate, double hoursToFunding,
                                                  double intervalHours) {
        double mark = fundingBasis(index, rate, hoursToFunding, intervalHours);
        return new Explanation("Mark price", "MP = index × (1 + F × t / interval)", List.of(
                new Term("index", "index price", index, "quote"), new Term("F", "funding rate", rate, "rate"),
                new Term("t", "hours to funding", hoursToFunding, "h"),
                new Term("interval", "funding interval", intervalHours, "h")),
                "MP = " + Numbers.term(index) + " × (1 + " + Numbers.term(rate) + " × " + Numbers.plain(hoursToFunding)
                        + " / " + Numbers.plain(intervalHours) + ")", mark, List.of(
                "The funding basis decays linearly to zero at the settlement, so the mark meets the index then."));
    }

    /** The working behind {@link #median}. */
    public static Explanation explainMedian(double index, double impactBid, double impactAsk) {
        double mark = median(index, impactBid, impactAsk);
        String which = mark == index ? "The index lies between the impact prices, so the mark is the index."
                : "The index lies outside the impact prices, so the mark follows the nearer one.";
        return new Explanation("Mark price", "MP = median(index, impact bid, impact ask)", List.of(
                new Term("index", "index price", index, "quote"), new Term("IB", "impact bid", impactBid, "quote"),
                new Term("IA", "impact ask", impactAsk, "quote")),
                "MP = median(" + Numbers.plain(index) + ", " + Numbers.plain(impactBid) + ", "
                        + Numbers.plain(impactAsk) + ")", mark, List.of(which));
    }

    /** The working behind {@link #binance}. */
    public static Explanation explainBinance(double index, double rate, double hoursToFunding, double intervalHours,
                                             double movingAverageBasis, double lastPrice) {
        double mark = binance(index, rate, hoursToFunding, intervalHours, movingAverageBasis, lastPrice);
        double p1 = fundingBasis(index, rate, hoursToFunding, intervalHours);
        double p2 = index + movingAverageBasis;
        return new Explanation("Mark price", "MP = median(index × (1 + F × t / interval), index + MA basis, last price)",
                List.of(new Term("price 1", "index with funding basis", p1, "quote"),
                        new Term("price 2", "index plus moving average of (mid − index)", p2, "quote"),
                        new Term("last", "last traded price", lastPrice, "quote")),
                "MP = median(" + Numbers.plain(p1) + ", " + Numbers.plain(p2) + ", " + Numbers.plain(lastPrice) + ")",
                mark, List.of("Binance takes the middle of three candidates so that no single one can move the mark."));
    }

    /** The middle one of three numbers. */
    static double medianOfThree(double a, double b, double c) {
        // median = max(min(a, b), min(max(a, b), c))
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static double positiveResult(String quantity, double value) {
        result(quantity, value);
        if (value <= 0) {
            throw new EngineException(quantity + " would be " + Numbers.plain(value) + ", not a price");
        }
        return value;
    }
}
