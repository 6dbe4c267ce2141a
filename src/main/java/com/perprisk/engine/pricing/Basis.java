package com.perprisk.engine.pricing;

import com.perprisk.engine.DatedFuture;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.util.List;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;
import static com.perprisk.engine.EngineInputs.result;

/**
 * Premium of the perpetual, basis of a dated future over spot, and the yield of a cash-and-carry
 * (domain reference §7). F is the future's price, S the spot (or index) price.
 */
public final class Basis {
    /** Key of {@link #explainAnnualized} in a market's explanations (its JSON field name). */
    public static final String ANNUALIZED = "annualizedBasis";

    private Basis() {
    }

    /** Premium of the perpetual over the index: (mark − index) / index. */
    public static double premium(double mark, double index) {
        positive("mark price", mark);
        positive("index price", index);
        // premium = (mark − index) / index
        return (mark - index) / index;
    }

    /** Basis in price: F − S. Positive in contango. */
    public static double basis(double future, double spot) {
        positive("future price", future);
        positive("spot price", spot);
        // basis = F − S
        return future - spot;
    }

    /** Basis as a fraction of spot: (F − S) / S. */
    public static double basisRate(double future, double spot) {
        positive("future price", future);
        positive("spot price", spot);
        // basis rate = (F − S) / S
        return (future - spot) / spot;
    }

    /**
     * Basis rate per year, simple: rate × 365 / days to expiry.
     *
     * @param basisRate (F − S) / S
     * @param days      days to expiry, above 0
     */
    public static double annualizedSimple(double basisRate, double days) {
        finite("basis rate", basisRate);
        positive("days to expiry", days);
        // annualized = basis rate × 365 / days
        return result("annualized basis", basisRate * 365.0 / days);
    }

    /** Simple annualized basis of a dated future over spot. */
    public static double annualizedSimple(DatedFuture future, double spot) {
        present("dated future", future);
        return annualizedSimple(basisRate(future.price(), spot), future.daysToExpiry());
    }

    /** Basis per year, compounded: (F / S)^(365 / days) − 1. */
    public static double annualizedCompounded(double future, double spot, double days) {
        positive("future price", future);
        positive("spot price", spot);
        positive("days to expiry", days);
        // annualized = (F / S)^(365 / days) − 1, as exp(365 / days × ln(F / S)) − 1
        return result("compounded annualized basis", Math.expm1(365.0 / days * Math.log(future / spot)));
    }

    /**
     * Yield of a cash-and-carry on a perpetual (long spot, short perp, collect funding): funding APR less fees.
     *
     * @param fundingApr    funding rate × settlements per year (positive: the short perp receives)
     * @param annualFeeRate trading and borrowing costs expressed per year, as a fraction of the notional
     */
    public static double carryYield(double fundingApr, double annualFeeRate) {
        finite("funding APR", fundingApr);
        finite("annual fee rate", annualFeeRate);
        // carry yield = funding APR − fees
        return result("carry yield", fundingApr - annualFeeRate);
    }

    /** Contango: the future trades above spot (F > S); otherwise flat or backwardation. */
    public static boolean isContango(double future, double spot) {
        positive("future price", future);
        positive("spot price", spot);
        // contango ⇔ F > S
        return future > spot;
    }

    /** The working behind {@link #annualizedSimple(double, double)} for a future over spot. */
    public static Explanation explainAnnualized(double future, double spot, double days) {
        double rate = basisRate(future, spot);
        double annualized = annualizedSimple(rate, days);
        double compounded = annualizedCompounded(future, spot, days);
        List<Term> terms = List.of(
                new Term("F", "future price", future, "quote"),
                new Term("S", "spot price", spot, "quote"),
                new Term("days", "days to expiry", days, "days"));
        String substituted = "annualized = (" + Numbers.term(future) + " − " + Numbers.term(spot) + ") / "
                + Numbers.term(spot) + " × 365 / " + Numbers.term(days);
        String shape = future > spot ? "Contango: the future trades above spot (F > S)."
                : future < spot ? "Backwardation: the future trades below spot (F < S)."
                : "Flat: the future trades at spot.";
        return new Explanation("Annualized basis", "annualized = (F − S) / S × 365 / days", terms, substituted,
                annualized, List.of(
                        shape,
                        "Basis rate (F − S) / S = " + Numbers.plain(rate) + " over " + Numbers.plain(days) + " days.",
                        "Compounded instead: (F / S)^(365 / days) − 1 = " + Numbers.plain(compounded) + ".",
                        "Long spot and short the future, held to expiry, locks in this basis before fees."));
    }
}
