package com.perprisk.engine.funding;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Numbers;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * dYdX v4's funding, ported from {@code protocol/x/perpetuals} (keeper {@code perpetual.go}, {@code lib/math.go},
 * {@code funding/funding.go}) with its integer arithmetic in parts per million, so that its own test cases hold to the
 * unit:
 *
 * <ol>
 *   <li>Every block the validators vote a premium per market, each vote (impact price / index − 1, in ppm rounded
 *       toward zero) clamped to ±premium-vote clamp factor × (IMF − MMF) ({@link #premiumVotePpm},
 *       {@link #clampVote}; memclob {@code GetPricePremium}, a vote beyond the bound is refused by
 *       {@code PerformStatefulPremiumVotesValidation}); at the end of each funding-sample epoch (a minute) the
 *       votes are padded with zeros up to {@code max(votes, minNumVotesPerSample)} and their median is the sample
 *       ({@link #median}: an even count averages the middle two, rounded away from zero).</li>
 *   <li>At each funding tick (an hour) the samples are padded with zeros up to the expected count (tick / sample
 *       duration, rounded up), the tails are removed ({@link #removeTails}, 0% on mainnet) and the rest averaged,
 *       truncated toward zero ({@link #average}).</li>
 *   <li>8 h rate = premium + default funding, clamped to ±clamp factor × (IMF − MMF) ({@link #clampBoundPpm}).</li>
 *   <li>The funding index moves by rate × elapsed / 8 h × oracle price ({@link #fundingIndexDeltaQuantums}).</li>
 * </ol>
 */
public final class DydxFunding {
    /** One million: 1.0 in ppm. */
    public static final int ONE_MILLION = 1_000_000;
    /** Mainnet's funding-rate clamp factor: 600%. */
    public static final int DEFAULT_CLAMP_FACTOR_PPM = 6_000_000;
    /** Mainnet's premium-vote clamp factor: 6000% ({@code DefaultPremiumVoteClampFactorPpm}). */
    public static final int DEFAULT_PREMIUM_VOTE_CLAMP_FACTOR_PPM = 60_000_000;
    /** Mainnet's minimum number of votes per sample. */
    public static final int DEFAULT_MIN_VOTES_PER_SAMPLE = 15;
    /** Samples expected per hourly tick: one per minute. */
    public static final int DEFAULT_EXPECTED_SAMPLES = 60;

    private DydxFunding() {
    }

    /** A decimal (0.001) in ppm (1000), rounded half away from zero; dYdX stores every rate as int32 ppm. */
    public static int toPpm(String name, double decimal) {
        BigDecimal ppm = BigDecimal.valueOf(decimal).movePointRight(6).setScale(0, RoundingMode.HALF_UP);
        if (ppm.abs().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new EngineException(name + " " + Numbers.plain(decimal) + " is beyond dYdX's int32 ppm range");
        }
        return ppm.intValueExact();
    }

    /** ppm back to a decimal. */
    public static double fromPpm(long ppm) {
        return ppm / 1e6;
    }

    /** The input padded with zeros up to {@code length} (no padding when it is already as long). */
    public static int[] padded(int[] values, int length) {
        return Arrays.copyOf(values, Math.max(values.length, length));
    }

    /**
     * dYdX's {@code lib.Median}: the middle value, or for an even count the average of the two middle values rounded
     * away from zero.
     */
    public static int median(int[] values) {
        if (values.length == 0) {
            throw new EngineException("the median of no values is undefined");
        }
        int[] s = values.clone();
        Arrays.sort(s);
        int mid = s.length / 2;
        if (s.length % 2 == 1) {
            return s[mid];
        }
        long x = s[mid - 1];
        long y = s[mid];
        if (x <= 0 && y >= 0) {
            long sum = x + y;
            // Go's / and % truncate toward zero: sum/2 + sum%2 rounds away from zero
            return (int) (sum / 2 + sum % 2);
        }
        if (y > 0) {
            return (int) (y - (y - x) / 2);
        }
        return (int) (x + (y - x) / 2);
    }

    /**
     * Largest |premium vote|: premium-vote clamp factor × (IMF − MMF), floored: the same {@code
     * GetMaxAbsFundingClampPpm} as the rate's bound, with {@code PremiumVoteClampFactorPpm}
     * ({@code getLiquidityTiertoMaxAbsPremiumVotePpm}).
     */
    public static long maxAbsPremiumVotePpm(int voteClampFactorPpm, int imfPpm, int maintenanceFractionPpm) {
        return clampBoundPpm(voteClampFactorPpm, imfPpm, maintenanceFractionPpm);
    }

    /** A vote clamped to ±{@code maxAbsPpm} ({@code lib.BigInt32Clamp} in {@code getPricePremiumFromSide}). */
    public static int clampVote(long votePpm, long maxAbsPpm) {
        return (int) Math.max(-maxAbsPpm, Math.min(maxAbsPpm, votePpm));
    }

    /**
     * One validator's premium vote from the book, as {@code GetPricePremium} computes it: impact bid / index − 1 when
     * the index is below the impact bid, impact ask / index − 1 when it is above the impact ask, else 0; in ppm,
     * rounded toward zero, then clamped to ±{@code maxAbsPpm}.
     */
    public static int premiumVotePpm(double impactBid, double impactAsk, double index, long maxAbsPpm) {
        if (!(index > 0) || !(impactBid > 0) || !(impactAsk > 0)) {
            throw new EngineException("impact bid, impact ask and index must be above 0");
        }
        double impact = index < impactBid ? impactBid : index > impactAsk ? impactAsk : index;
        // vote = impact / index − 1, in ppm, rounded toward zero
        BigInteger ppm = BigDecimal.valueOf(impact).multiply(BigDecimal.valueOf(ONE_MILLION))
                .divide(BigDecimal.valueOf(index), 30, RoundingMode.HALF_EVEN)
                .subtract(BigDecimal.valueOf(ONE_MILLION)).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
        return clampVote(ppm.max(BigInteger.valueOf(Integer.MIN_VALUE)).min(BigInteger.valueOf(Integer.MAX_VALUE))
                .longValueExact(), maxAbsPpm);
    }

    /** One premium sample from one epoch's votes: median of the votes padded with zeros to the minimum count. */
    public static int sampleFromVotes(int[] votes, int minVotesPerSample) {
        if (minVotesPerSample < 1) {
            throw new EngineException("the minimum number of votes per sample must be at least 1");
        }
        return median(padded(votes, minVotesPerSample));
    }

    /**
     * dYdX's {@code GetRemoveSampleTailsFunc}: sort, then remove floor(n × 2 × ratio) samples, the smaller half of them
     * from the bottom and the rest from the top; nothing is removed when that would remove every sample.
     */
    public static int[] removeTails(int[] samples, int tailRemovalRatePpm) {
        if (tailRemovalRatePpm < 0) {
            throw new EngineException("the tail removal rate must not be negative");
        }
        long total = BigInteger.valueOf(samples.length).multiply(BigInteger.valueOf(2L * tailRemovalRatePpm))
                .divide(BigInteger.valueOf(ONE_MILLION)).longValueExact();
        if (total == 0 || total >= samples.length) {
            return samples.clone();
        }
        int[] s = samples.clone();
        Arrays.sort(s);
        int bottom = (int) (total / 2);
        int top = (int) (total - bottom);
        return Arrays.copyOfRange(s, bottom, s.length - top);
    }

    /** dYdX's {@code lib.AvgInt32}: Σ / n, truncated toward zero. */
    public static int average(int[] values) {
        if (values.length == 0) {
            throw new EngineException("the average of no values is undefined");
        }
        long sum = 0;
        for (int v : values) {
            sum += v;
        }
        return (int) (sum / values.length);
    }

    /** The hourly premium: samples padded with zeros to the expected count, tails removed, averaged. */
    public static int premiumPpm(int[] samples, int expectedSamples, int tailRemovalRatePpm) {
        if (expectedSamples < 1) {
            throw new EngineException("the expected number of samples must be at least 1");
        }
        return average(removeTails(padded(samples, expectedSamples), tailRemovalRatePpm));
    }

    /** Expected samples per tick: tick duration / sample duration, rounded up. */
    public static int expectedSamples(int tickSeconds, int sampleSeconds) {
        if (tickSeconds < 1 || sampleSeconds < 1) {
            throw new EngineException("epoch durations must be at least 1 s");
        }
        return (tickSeconds + sampleSeconds - 1) / sampleSeconds;
    }

    /** Maintenance margin in ppm: IMF × maintenance fraction, floored (dYdX's {@code GetMaintenanceMarginPpm}). */
    public static long maintenanceMarginPpm(int imfPpm, int maintenanceFractionPpm) {
        return (long) imfPpm * maintenanceFractionPpm / ONE_MILLION;
    }

    /** Largest |8 h rate|: clamp factor × (IMF − MMF), floored (dYdX's {@code GetMaxAbsFundingClampPpm}). */
    public static long clampBoundPpm(int clampFactorPpm, int imfPpm, int maintenanceFractionPpm) {
        if (imfPpm < 0 || imfPpm > ONE_MILLION || maintenanceFractionPpm < 0
                || maintenanceFractionPpm > ONE_MILLION) {
            throw new EngineException("IMF and maintenance fraction must lie between 0 and 100%");
        }
        if (clampFactorPpm < 0) {
            throw new EngineException("the clamp factor must not be negative");
        }
        long mmf = maintenanceMarginPpm(imfPpm, maintenanceFractionPpm);
        // bound = clamp factor × (IMF − MMF)
        return (long) clampFactorPpm * (imfPpm - mmf) / ONE_MILLION;
    }

    /** 8 h rate = premium + default funding, clamped to ±bound. */
    public static long ratePpm(int premiumPpm, int defaultFundingPpm, long boundPpm) {
        long rate = (long) premiumPpm + defaultFundingPpm;
        return Math.max(-boundPpm, Math.min(boundPpm, rate));
    }

    /**
     * The funding-index change in dYdX's units (quote quantums per base quantum × 10⁶), exactly as
     * {@code GetFundingIndexDelta}: rate × seconds × price × 10^(exponent + atomic resolution + 6) / 28,800,
     * truncated toward zero.
     */
    public static BigInteger fundingIndexDeltaQuantums(long ratePpm, long seconds, long priceValue, int priceExponent,
                                                       int atomicResolution) {
        BigInteger r = BigInteger.valueOf(seconds).multiply(BigInteger.valueOf(ratePpm));
        // BaseToQuoteQuantums: base × price × 10^(exponent + atomic resolution − quote atomic resolution (−6))
        int exp = priceExponent + atomicResolution + 6;
        r = r.multiply(BigInteger.valueOf(priceValue));
        if (exp >= 0) {
            r = r.multiply(BigInteger.TEN.pow(exp));
        } else {
            r = r.divide(BigInteger.TEN.pow(-exp)); // BigInteger.divide truncates toward zero
        }
        return r.divide(BigInteger.valueOf(8 * 60 * 60));
    }

    /** The funding-index change per base unit in quote: 8 h rate × elapsed hours / 8 × oracle price. */
    public static double fundingIndexDelta(double rate8h, double elapsedHours, double oraclePrice) {
        // Δ index = F_8h × elapsed / 8 h × oracle price
        return rate8h * elapsedHours / 8.0 * oraclePrice;
    }

    /** ppm values of decimals, converted one by one. */
    public static int[] toPpm(String name, List<Double> decimals) {
        int[] out = new int[decimals.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toPpm(name + " " + (i + 1), decimals.get(i));
        }
        return out;
    }

    /** The samples of a list of vote lists, one sample per list (no vote clamp). */
    public static List<Integer> samplesFromVotes(List<List<Double>> votes, int minVotesPerSample) {
        return samplesFromVotes(votes, minVotesPerSample, Long.MAX_VALUE);
    }

    /** The samples of a list of vote lists, one sample per list, each vote first clamped to ±{@code maxAbsVotePpm}. */
    public static List<Integer> samplesFromVotes(List<List<Double>> votes, int minVotesPerSample, long maxAbsVotePpm) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            int[] v = toPpm("vote of sample " + (i + 1), votes.get(i));
            for (int k = 0; k < v.length; k++) {
                v[k] = clampVote(v[k], maxAbsVotePpm);
            }
            out.add(sampleFromVotes(v, minVotesPerSample));
        }
        return out;
    }

    /** How many of the votes lie beyond ±{@code maxAbsVotePpm} (and are clamped to it). */
    public static int clampedVotes(List<List<Double>> votes, long maxAbsVotePpm) {
        int n = 0;
        for (int i = 0; i < votes.size(); i++) {
            for (int v : toPpm("vote of sample " + (i + 1), votes.get(i))) {
                n += Math.abs((long) v) > maxAbsVotePpm ? 1 : 0;
            }
        }
        return n;
    }
}
