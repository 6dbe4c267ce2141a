package com.perprisk.engine.funding;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;

/**
 * How three venues turn premium samples into a funding rate (domain reference §5). Each formula itself lives in
 * {@link FundingRate} or {@link DydxFunding}; this class picks and orders them per venue.
 *
 * <ul>
 *   <li>{@link #BINANCE}: P = time-weighted average of the samples (weights 1, 2, …, n, as Binance documents);
 *       F = P + clamp(I − P, floor, ceiling), then |F| ≤ the symbol's cap; F is per {@code intervalHours}.</li>
 *   <li>{@link #HYPERLIQUID}: P = mean of the samples; F_8h = P + clamp(I − P, ±0.05%); paid every hour at F_8h / 8
 *       with |F_1h| ≤ 4%.</li>
 *   <li>{@link #DYDX}: samples (or votes → median samples) in ppm, padded to the expected count, averaged; F_8h =
 *       premium + default funding clamped to ±clamp factor × (IMF − MMF); paid every hour at F_8h / 8.</li>
 * </ul>
 */
public enum FundingMethod {
    BINANCE,
    HYPERLIQUID,
    DYDX;

    /**
     * What a funding method reads. {@code null} fields take the method's default.
     *
     * @param premiumSamples      premium index per sample, decimals (may be empty for dYdX with votes)
     * @param premiumVotes        dYdX only: per sample, the validators' votes (decimals)
     * @param expectedSamples     dYdX only: samples expected per tick (default 60)
     * @param interest            interest per interval (Binance, Hyperliquid; default 0.01% per 8 h)
     * @param clampFloor          lowest I − P (default −0.05%)
     * @param clampCeiling        highest I − P (default +0.05%)
     * @param cap                 Binance: largest |F| per interval (none when absent); Hyperliquid: largest |F| per
     *                            hour (default 4%)
     * @param intervalHours       hours between settlements (default 8; Hyperliquid and dYdX state an 8 h rate)
     * @param defaultFunding      dYdX's default funding per 8 h (default 0)
     * @param initialMarginFraction dYdX: IMF of the market's liquidity tier
     * @param maintenanceFraction dYdX: MMF = IMF × this fraction
     * @param clampFactor         dYdX's funding-rate clamp factor (default 6 = 600%)
     * @param minVotesPerSample   dYdX: votes are padded with zeros up to this count (default 15)
     * @param tailRemovalRatio    dYdX: share of samples removed at each end before averaging (default 0)
     * @param elapsedHours        hours over which the funding index moves (default: none)
     * @param oraclePrice         price the funding index is measured at (default: none, then per unit of notional)
     * @param premiumVoteClampFactor dYdX: each vote is clamped to ± this × (IMF − MMF) before the median (default 60
     *                            = 6000%, mainnet's {@code PremiumVoteClampFactorPpm})
     */
    public record Inputs(List<Double> premiumSamples, List<List<Double>> premiumVotes, Integer expectedSamples,
                         Double interest, Double clampFloor, Double clampCeiling, Double cap, Double intervalHours,
                         Double defaultFunding, Double initialMarginFraction, Double maintenanceFraction,
                         Double clampFactor, Integer minVotesPerSample, Double tailRemovalRatio, Double elapsedHours,
                         Double oraclePrice, Double premiumVoteClampFactor) {
        public Inputs {
            premiumSamples = premiumSamples == null ? List.of() : List.copyOf(premiumSamples);
            premiumVotes = premiumVotes == null ? List.of() : premiumVotes.stream().map(List::copyOf).toList();
        }

        /** Every field but the premium-vote clamp factor (mainnet's then). */
        public Inputs(List<Double> premiumSamples, List<List<Double>> premiumVotes, Integer expectedSamples,
                      Double interest, Double clampFloor, Double clampCeiling, Double cap, Double intervalHours,
                      Double defaultFunding, Double initialMarginFraction, Double maintenanceFraction,
                      Double clampFactor, Integer minVotesPerSample, Double tailRemovalRatio, Double elapsedHours,
                      Double oraclePrice) {
            this(premiumSamples, premiumVotes, expectedSamples, interest, clampFloor, clampCeiling, cap, intervalHours,
                    defaultFunding, initialMarginFraction, maintenanceFraction, clampFactor, minVotesPerSample,
                    tailRemovalRatio, elapsedHours, oraclePrice, null);
        }

        /** Samples only, every other field at its default. */
        public static Inputs ofSamples(List<Double> samples) {
            return new Inputs(samples, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null);
        }
    }

    /**
     * A funding rate and how it was reached.
     *
     * @param premiumIndex      the averaged premium P
     * @param rate              the funding rate per {@code intervalHours} (the 8 h rate for Hyperliquid and dYdX)
     * @param clampBound        the largest |rate| allowed, per the same interval; {@code null} when uncapped
     * @param ratePerHour       rate / interval hours
     * @param apr               rate × settlements of that interval per year
     * @param fundingIndexDelta rate × elapsed / interval × price (per unit of notional without a price), or null
     * @param intervalHours     the interval {@code rate} is stated for
     * @param samples           the samples used (dYdX: padded, in ppm-rounded decimals)
     * @param explanations      working keyed by output field
     */
    public record Result(double premiumIndex, double rate, Double clampBound, double ratePerHour, double apr,
                         Double fundingIndexDelta, double intervalHours, List<Double> samples,
                         Map<String, Explanation> explanations) {
        public Result {
            samples = List.copyOf(samples);
            explanations = Map.copyOf(explanations);
        }
    }

    /** The funding rate of these inputs under this method. */
    public Result compute(Inputs in) {
        present("funding inputs", in);
        return switch (this) {
            case BINANCE -> interestClamp(in, true);
            case HYPERLIQUID -> interestClamp(in, false);
            case DYDX -> dydx(in);
        };
    }

    /** Binance's premium average: Σ i × P_i / Σ i, later samples weigh more. */
    public static double timeWeightedAverage(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new EngineException("no premium samples given");
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < samples.size(); i++) {
            double p = finite("premium sample " + (i + 1), samples.get(i));
            // P = Σ i × P_i / Σ i
            num += (i + 1) * p;
            den += i + 1;
        }
        return num / den;
    }

    /** The plain mean of the samples. */
    public static double mean(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new EngineException("no premium samples given");
        }
        double sum = 0;
        for (int i = 0; i < samples.size(); i++) {
            sum += finite("premium sample " + (i + 1), samples.get(i));
        }
        // P = Σ P_i / n
        return sum / samples.size();
    }

    private Result interestClamp(Inputs in, boolean binance) {
        double interval = binance ? positive("funding interval", or(in.intervalHours(), 8.0)) : 8.0;
        if (!binance && in.intervalHours() != null && in.intervalHours() != 8.0) {
            throw new EngineException("Hyperliquid states an 8 h rate; intervalHours must be 8, got "
                    + Numbers.plain(in.intervalHours()));
        }
        double premium = binance ? timeWeightedAverage(in.premiumSamples()) : mean(in.premiumSamples());
        double interest = finite("interest", or(in.interest(), FundingRate.DEFAULT_INTEREST_8H * interval / 8.0));
        double floor = or(in.clampFloor(), FundingRate.DEFAULT_CLAMP_FLOOR);
        double ceiling = or(in.clampCeiling(), FundingRate.DEFAULT_CLAMP_CEILING);
        double unclamped = FundingRate.fromPremium(premium, interest, floor, ceiling);
        Double bound;
        if (binance) {
            bound = in.cap() == null ? null : nonNegative("funding cap", in.cap());
        } else {
            // Hyperliquid: |F_1h| ≤ cap, so |F_8h| ≤ 8 × cap
            bound = 8.0 * nonNegative("funding cap", or(in.cap(), FundingRate.HYPERLIQUID_HOURLY_CAP));
        }
        double rate = bound == null ? unclamped : FundingRate.capped(unclamped, bound);
        Map<String, Explanation> ex = new LinkedHashMap<>();
        ex.put("premiumIndex", explainPremium(in.premiumSamples(), premium, binance));
        List<String> notes = new ArrayList<>();
        notes.add("I − P = " + Numbers.plain(interest - premium) + ", clamped to [" + Numbers.plain(floor) + ", "
                + Numbers.plain(ceiling) + "].");
        if (bound != null) {
            notes.add(binance ? "Capped at ±" + Numbers.plain(bound) + " per " + Numbers.plain(interval) + " h."
                    : "Hyperliquid caps the hourly rate at ±" + Numbers.plain(bound / 8) + ", i.e. ±"
                    + Numbers.plain(bound) + " per 8 h.");
            if (rate != unclamped) {
                notes.add("The cap binds: " + Numbers.plain(unclamped) + " becomes " + Numbers.plain(rate) + ".");
            }
        }
        if (!binance) {
            notes.add("Hyperliquid states the 8 h rate and pays every hour at one eighth of it: "
                    + Numbers.plain(rate / 8) + ".");
        }
        ex.put("rate", new Explanation("Funding rate", "F = P + clamp(I − P, floor, ceiling)" + (bound == null ? ""
                : ", |F| ≤ cap"),
                List.of(new Term("P", "premium index", premium, "rate"), new Term("I", "interest", interest, "rate"),
                        new Term("floor", "clamp floor", floor, "rate"),
                        new Term("ceiling", "clamp ceiling", ceiling, "rate")),
                "F = " + Numbers.term(premium) + " + clamp(" + Numbers.term(interest) + " − " + Numbers.term(premium)
                        + ", " + Numbers.term(floor) + ", " + Numbers.term(ceiling) + ")", rate, notes));
        return finish(in, premium, rate, bound, interval, in.premiumSamples(), ex);
    }

    private static void requireMargins(Inputs in) {
        if (in.initialMarginFraction() == null) {
            throw new EngineException("dYdX funding needs the initial margin fraction (initialMarginFraction)");
        }
        if (in.maintenanceFraction() == null) {
            throw new EngineException("dYdX funding needs the maintenance fraction (maintenanceFraction)");
        }
    }

    private Result dydx(Inputs in) {
        if (in.intervalHours() != null && in.intervalHours() != 8.0) {
            throw new EngineException("dYdX states an 8 h rate; intervalHours must be 8, got "
                    + Numbers.plain(in.intervalHours()));
        }
        int minVotes = in.minVotesPerSample() == null ? DydxFunding.DEFAULT_MIN_VOTES_PER_SAMPLE
                : in.minVotesPerSample();
        List<Integer> samplePpm = new ArrayList<>();
        long maxVotePpm = Long.MAX_VALUE;
        int clampedVotes = 0;
        if (!in.premiumVotes().isEmpty()) {
            if (!in.premiumSamples().isEmpty()) {
                throw new EngineException("give either premium samples or premium votes, not both");
            }
            requireMargins(in);
            maxVotePpm = DydxFunding.maxAbsPremiumVotePpm(DydxFunding.toPpm("premium vote clamp factor",
                    or(in.premiumVoteClampFactor(), DydxFunding.DEFAULT_PREMIUM_VOTE_CLAMP_FACTOR_PPM / 1e6)),
                    DydxFunding.toPpm("initial margin fraction", in.initialMarginFraction()),
                    DydxFunding.toPpm("maintenance fraction", in.maintenanceFraction()));
            clampedVotes = DydxFunding.clampedVotes(in.premiumVotes(), maxVotePpm);
            samplePpm.addAll(DydxFunding.samplesFromVotes(in.premiumVotes(), minVotes, maxVotePpm));
        } else {
            for (int v : DydxFunding.toPpm("premium sample", in.premiumSamples())) {
                samplePpm.add(v);
            }
        }
        int expected = in.expectedSamples() == null ? DydxFunding.DEFAULT_EXPECTED_SAMPLES : in.expectedSamples();
        if (expected < 1) {
            throw new EngineException("expected samples must be at least 1, got " + expected);
        }
        int tail = DydxFunding.toPpm("tail removal ratio", or(in.tailRemovalRatio(), 0.0));
        int[] raw = samplePpm.stream().mapToInt(Integer::intValue).toArray();
        int[] padded = DydxFunding.padded(raw, expected);
        int premiumPpm = DydxFunding.premiumPpm(raw, expected, tail);
        requireMargins(in);
        int imf = DydxFunding.toPpm("initial margin fraction", in.initialMarginFraction());
        int mf = DydxFunding.toPpm("maintenance fraction", in.maintenanceFraction());
        int factor = DydxFunding.toPpm("clamp factor", or(in.clampFactor(), 6.0));
        int defaultPpm = DydxFunding.toPpm("default funding", or(in.defaultFunding(), 0.0));
        long boundPpm = DydxFunding.clampBoundPpm(factor, imf, mf);
        long ratePpm = DydxFunding.ratePpm(premiumPpm, defaultPpm, boundPpm);
        double premium = DydxFunding.fromPpm(premiumPpm);
        double rate = DydxFunding.fromPpm(ratePpm);
        double bound = DydxFunding.fromPpm(boundPpm);
        List<Double> used = new ArrayList<>();
        for (int v : padded) {
            used.add(DydxFunding.fromPpm(v));
        }
        Map<String, Explanation> ex = new LinkedHashMap<>();
        List<String> pn = new ArrayList<>();
        if (!in.premiumVotes().isEmpty()) {
            if (clampedVotes > 0) {
                pn.add(clampedVotes + (clampedVotes == 1 ? " vote lies" : " votes lie") + " beyond ±"
                        + Numbers.plain(maxVotePpm / 1e4) + "% (premium-vote clamp factor × (IMF − MMF)) and"
                        + " counted at that bound, as a validator's vote is clamped before it is sent.");
            }
            pn.add("Each sample is the median of its votes padded with zeros to " + minVotes + " votes.");
        }
        pn.add(raw.length + " samples, padded with zeros to " + padded.length + " (" + expected + " expected).");
        if (tail > 0) {
            pn.add("Removed " + Numbers.plain(tail / 1e4) + "% of the samples at each end before averaging.");
        }
        pn.add("dYdX works in ppm and truncates the average toward zero: " + premiumPpm + " ppm.");
        ex.put("premiumIndex", new Explanation("Premium index", "P = Σ samples / n (zero-padded)",
                List.of(new Term("n", "samples after padding", padded.length, "")),
                "P = " + Numbers.plain(sum(padded) / 1e6) + " / " + padded.length, premium, pn));
        double mmf = DydxFunding.fromPpm(DydxFunding.maintenanceMarginPpm(imf, mf));
        ex.put("clampBound", new Explanation("Funding clamp bound", "bound = clamp factor × (IMF − MMF)",
                List.of(new Term("c", "clamp factor", factor / 1e6, ""),
                        new Term("IMF", "initial margin fraction", imf / 1e6, ""),
                        new Term("MMF", "maintenance margin fraction (IMF × fraction)", mmf, "")),
                "bound = " + Numbers.plain(factor / 1e6) + " × (" + Numbers.plain(imf / 1e6) + " − "
                        + Numbers.plain(mmf) + ")", bound,
                List.of("The 8 h rate may not exceed the gap between initial and maintenance margin times the factor:"
                        + " a position opened at max leverage survives " + Numbers.plain(1 / Math.max(factor / 1e6,
                        1e-12)) + " × 8 h of the largest funding.")));
        List<String> rn = new ArrayList<>();
        long unclamped = (long) premiumPpm + defaultPpm;
        if (unclamped != ratePpm) {
            rn.add("The clamp binds: " + Numbers.plain(unclamped / 1e6) + " becomes " + Numbers.plain(rate) + ".");
        }
        rn.add("dYdX states the 8 h rate and pays every hour at one eighth of it: " + Numbers.plain(rate / 8) + ".");
        ex.put("rate", new Explanation("Funding rate (8 h)", "F = clamp(P + default funding, −bound, bound)",
                List.of(new Term("P", "premium index", premium, "rate"),
                        new Term("D", "default funding", defaultPpm / 1e6, "rate"),
                        new Term("bound", "clamp bound", bound, "rate")),
                "F = clamp(" + Numbers.term(premium) + " + " + Numbers.term(defaultPpm / 1e6) + ", −"
                        + Numbers.plain(bound) + ", " + Numbers.plain(bound) + ")", rate, rn));
        return finish(in, premium, rate, bound, 8.0, used, ex);
    }

    private Result finish(Inputs in, double premium, double rate, Double bound, double interval, List<Double> samples,
                          Map<String, Explanation> ex) {
        double perHour = rate / interval;
        double apr = FundingPayment.apr(rate, interval);
        ex.put("ratePerHour", new Explanation("Funding rate per hour", "F_1h = F / interval",
                List.of(new Term("F", "funding rate", rate, "rate"), new Term("Δ", "interval", interval, "h")),
                "F_1h = " + Numbers.term(rate) + " / " + Numbers.plain(interval), perHour, List.of()));
        ex.put("apr", new Explanation("Funding APR", "APR = F × 365 × 24 / interval",
                List.of(new Term("F", "funding rate", rate, "rate"), new Term("Δ", "interval", interval, "h")),
                "APR = " + Numbers.term(rate) + " × 8760 / " + Numbers.plain(interval), apr, List.of()));
        if (bound != null) {
            ex.putIfAbsent("clampBound", new Explanation("Funding cap", "|F| ≤ cap", List.of(
                    new Term("cap", "largest |F| per interval", bound, "rate")), "cap = " + Numbers.plain(bound),
                    bound, List.of()));
        }
        Double delta = null;
        if (in.elapsedHours() != null) {
            double hours = nonNegative("elapsed hours", in.elapsedHours());
            double price = in.oraclePrice() == null ? 1.0 : positive("oracle price", in.oraclePrice());
            // Δ index = F × elapsed / interval × price
            delta = rate * hours / interval * price;
            ex.put("fundingIndexDelta", new Explanation("Funding index change", "Δ index = F × elapsed / interval × P",
                    List.of(new Term("F", "funding rate", rate, "rate"), new Term("t", "elapsed", hours, "h"),
                            new Term("P", in.oraclePrice() == null ? "price (1: per unit of notional)" : "oracle price",
                                    price, "quote")),
                    "Δ index = " + Numbers.term(rate) + " × " + Numbers.plain(hours) + " / " + Numbers.plain(interval)
                            + " × " + Numbers.plain(price), delta, List.of(
                    "A position of size Q pays −side × Q × Δ index; longs pay when the index rises.",
                    in.oraclePrice() == null ? "No price given: the change is per unit of notional."
                            : "Measured at the oracle price " + Numbers.plain(price) + ".")));
        }
        return new Result(premium, rate, bound, perHour, apr, delta, interval, samples, ex);
    }

    private static Explanation explainPremium(List<Double> samples, double premium, boolean weighted) {
        return new Explanation("Premium index", weighted ? "P = Σ i × P_i / Σ i" : "P = Σ P_i / n",
                List.of(new Term("n", "samples", samples.size(), "")),
                "P = " + (weighted ? "time-weighted" : "mean") + " of " + samples.size() + " samples", premium,
                List.of(weighted ? "Binance weights later samples more: sample i counts i times."
                        : "Hyperliquid averages the samples of the hour equally.",
                        "Each sample is [max(0, impact bid − index) − max(0, index − impact ask)] / index."));
    }

    private static double sum(int[] values) {
        double s = 0;
        for (int v : values) {
            s += v;
        }
        return s;
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
