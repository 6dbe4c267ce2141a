package com.perprisk.engine.probability;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;

/**
 * Probability that a geometric Brownian motion dS = μ S dt + σ S dW touches a barrier within a horizon
 * (first-passage probability, continuous monitoring). With ν = μ − σ²/2 and b = ln(B / S₀):
 *
 * <pre>
 * lower barrier (B &lt; S₀): P = Φ((b − νT)/(σ√T)) + e^{2νb/σ²} Φ((b + νT)/(σ√T))
 * upper barrier (B &gt; S₀): P = Φ((−b + νT)/(σ√T)) + e^{2νb/σ²} Φ((−b − νT)/(σ√T))
 * </pre>
 *
 * A long is liquidated when the mark falls to its liquidation price (a lower barrier), a short when it rises to it.
 */
public final class BarrierProbability {
    /** Hours in a 365-day year: horizon in years = hours / 8760. */
    public static final double HOURS_PER_YEAR = com.perprisk.engine.gbm.CorrelatedGbm.HOURS_PER_YEAR;

    private BarrierProbability() {
    }

    /** Horizon in years = hours / 8760. */
    public static double years(double hours) {
        nonNegative("horizon", hours);
        // T = hours / (365 × 24)
        return hours / HOURS_PER_YEAR;
    }

    /**
     * Touch probability of a barrier on whichever side of the spot it lies: a barrier below the spot is a lower
     * barrier, above it an upper one; a barrier equal to the spot is touched already (1).
     *
     * @param spot      S₀, the current mark
     * @param barrier   B, e.g. the liquidation price
     * @param annualVol σ, annualized (0.8 = 80%)
     * @param drift     μ, annualized drift of the price (0: dS = σ S dW)
     * @param years     T, the horizon in years
     */
    public static double touch(double spot, double barrier, double annualVol, double drift, double years) {
        positive("spot price", spot);
        positive("barrier price", barrier);
        return barrier <= spot ? touchLower(spot, barrier, annualVol, drift, years)
                : touchUpper(spot, barrier, annualVol, drift, years);
    }

    /**
     * Probability that a position's liquidation price is touched: lower barrier for a long, upper for a short;
     * 1 when the mark is already beyond it; 0 when there is no liquidation price ({@code null}).
     */
    public static double touch(Side side, double spot, Double liquidationPrice, double annualVol, double drift,
                               double years) {
        if (liquidationPrice == null) {
            checkModel(annualVol, drift, years);
            return 0.0;
        }
        return side == Side.LONG ? touchLower(spot, liquidationPrice, annualVol, drift, years)
                : touchUpper(spot, liquidationPrice, annualVol, drift, years);
    }

    /** P(min S_t ≤ B for some t ≤ T); 1 when S₀ ≤ B already. */
    public static double touchLower(double spot, double barrier, double annualVol, double drift, double years) {
        positive("spot price", spot);
        positive("barrier price", barrier);
        checkModel(annualVol, drift, years);
        if (spot <= barrier) {
            return 1.0;
        }
        // b = ln(B / S₀) < 0, ν = μ − σ²/2
        double b = Math.log(barrier / spot);
        double nu = drift - 0.5 * annualVol * annualVol;
        if (years == 0) {
            return 0.0;
        }
        if (annualVol == 0) {
            // deterministic log-price νt reaches b iff νT ≤ b
            return nu * years <= b ? 1.0 : 0.0;
        }
        return firstPassage(b, nu, annualVol, years);
    }

    /** P(max S_t ≥ B for some t ≤ T); 1 when S₀ ≥ B already. */
    public static double touchUpper(double spot, double barrier, double annualVol, double drift, double years) {
        positive("spot price", spot);
        positive("barrier price", barrier);
        checkModel(annualVol, drift, years);
        if (spot >= barrier) {
            return 1.0;
        }
        double b = Math.log(barrier / spot);
        double nu = drift - 0.5 * annualVol * annualVol;
        if (years == 0) {
            return 0.0;
        }
        if (annualVol == 0) {
            return nu * years >= b ? 1.0 : 0.0;
        }
        // by symmetry: −X is a Brownian motion with drift −ν and a lower barrier at −b
        return firstPassage(-b, -nu, annualVol, years);
    }

    /** Lower-barrier first passage of X_t = νt + σW_t to b &lt; 0 by time T. */
    private static double firstPassage(double b, double nu, double sigma, double t) {
        double sd = sigma * Math.sqrt(t);
        // P = Φ((b − νT)/(σ√T)) + e^{2νb/σ²} Φ((b + νT)/(σ√T))
        double first = Normal.cdf((b - nu * t) / sd);
        double secondCdf = Normal.cdf((b + nu * t) / sd);
        double exponent = 2 * nu * b / (sigma * sigma);
        double second = secondCdf == 0 ? 0 : Math.exp(exponent + Math.log(secondCdf));
        double p = first + second;
        return Math.max(0.0, Math.min(1.0, p));
    }

    private static void checkModel(double annualVol, double drift, double years) {
        nonNegative("volatility", annualVol);
        finite("drift", drift);
        nonNegative("horizon", years);
        if (annualVol > 100) {
            throw new EngineException("volatility " + annualVol + " is above 10,000% a year: give it as a decimal"
                    + " (0.8 = 80%)");
        }
    }
}
