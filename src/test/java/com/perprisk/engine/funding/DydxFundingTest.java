package com.perprisk.engine.funding;

import com.perprisk.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * dYdX v4's own test cases (protocol/lib/math_test.go TestMedian, x/perpetuals/keeper/perpetual_test.go
 * TestGetRemoveSampleTailsFunc and TestMaybeProcessNewFundingTickEpoch_ProcessNewEpoch,
 * x/perpetuals/funding/funding_test.go TestGetFundingIndexDelta), ported to {@link DydxFunding}.
 */
class DydxFundingTest {
    /** Liquidity tier 1 of dYdX's tests: IMF 100%, maintenance fraction 75%. */
    private static final int TIER1_IMF = 1_000_000;
    private static final int TIER1_MF = 750_000;
    /** Liquidity tier 6: IMF 20%, maintenance fraction 90% (MMF 18%). */
    private static final int TIER6_IMF = 200_000;
    private static final int TIER6_MF = 900_000;
    /** BTC at $50,000 in dYdX's test markets: price 5,000,000,000 × 10^−5, atomic resolution −10. */
    private static final long BTC_PRICE = 5_000_000_000L;

    @Test
    void medianAsLibMedian() {
        assertEquals(2, DydxFunding.median(new int[]{2, 0, 1, 3, 4}));
        assertEquals(8, DydxFunding.median(new int[]{5, 11, 1, 3, 12, 50}));
        assertEquals(9, DydxFunding.median(new int[]{5, 12, 1, 3, 12, 50}));
        assertEquals(9, DydxFunding.median(new int[]{6, 11, 1, 3, 12, 50}));
        assertEquals(9, DydxFunding.median(new int[]{6, 12, 1, 3, 12, 50}));
        assertEquals(-9, DydxFunding.median(new int[]{-6, -12, -1, -3, -12, -50}));
        assertEquals(-9, DydxFunding.median(new int[]{-5, -12, -1, -3, -12, -50}));
        assertEquals(-9, DydxFunding.median(new int[]{-6, -11, -1, -3, -12, -50}));
        assertThrows(EngineException.class, () -> DydxFunding.median(new int[0]));
    }

    @Test
    void removeSampleTailsAsTheKeeper() {
        assertArrayEquals(new int[]{}, DydxFunding.removeTails(new int[]{}, 250_000));
        assertArrayEquals(new int[]{0}, DydxFunding.removeTails(new int[]{0}, 250_000));
        assertArrayEquals(new int[]{-3, -1}, DydxFunding.removeTails(new int[]{0, -1, -3}, 250_000));
        assertArrayEquals(new int[]{-1, 0}, DydxFunding.removeTails(new int[]{0, -1, -3, 5}, 250_000));
        assertArrayEquals(new int[]{-1, 0, 5}, DydxFunding.removeTails(new int[]{0, -1, -3, 5, 7}, 250_000));
        assertArrayEquals(new int[]{-3, -1, 0}, DydxFunding.removeTails(new int[]{0, -1, -3, -5, 5, 7}, 250_000));
        assertArrayEquals(new int[]{-5, -3, -1, 0}, DydxFunding.removeTails(new int[]{0, -1, -3, -5, 5}, 100_000));
        // 80%: would remove everything, so nothing is removed
        assertArrayEquals(new int[]{0, -1, -3, -5, 5}, DydxFunding.removeTails(new int[]{0, -1, -3, -5, 5}, 800_000));
    }

    @Test
    void fundingIndexDeltaAsGetFundingIndexDelta() {
        assertEquals(BigInteger.valueOf(1_001),
                DydxFunding.fundingIndexDeltaQuantums(1_001_999, 8 * 3600, 1_000, 0, -12));
        assertEquals(BigInteger.valueOf(-1_001),
                DydxFunding.fundingIndexDeltaQuantums(-1_001_999, 8 * 3600, 1_000, 0, -12));
        assertEquals(BigInteger.valueOf(-5_009_995_000_000L),
                DydxFunding.fundingIndexDeltaQuantums(-1_001_999, 8 * 3600 / 2, 1_000, 2, -4));
        assertEquals(BigInteger.valueOf(-125_249_875),
                DydxFunding.fundingIndexDeltaQuantums(-1_001_999, 8 * 3600 / 8, 1_000, -6, 0));
    }

    /** One funding tick as MaybeProcessNewFundingTickEpoch: samples → premium → clamped rate → index delta. */
    private static long[] tick(int[] samples, int sampleSeconds, int defaultFunding, int imf, int mf) {
        int expected = DydxFunding.expectedSamples(3600, sampleSeconds);
        int premium = DydxFunding.premiumPpm(samples, expected, 0);
        long bound = DydxFunding.clampBoundPpm(DydxFunding.DEFAULT_CLAMP_FACTOR_PPM, imf, mf);
        long rate = DydxFunding.ratePpm(premium, defaultFunding, bound);
        long delta = DydxFunding.fundingIndexDeltaQuantums(rate, 3600, BTC_PRICE, -5, -10).longValueExact();
        return new long[]{rate, delta};
    }

    private static int[] constant(int value, int count) {
        int[] a = new int[count];
        Arrays.fill(a, value);
        return a;
    }

    @Test
    void fundingTickCasesOfTheKeeperTest() {
        assertArrayEquals(new long[]{1_000, 625}, tick(constant(1000, 60), 60, 0, TIER1_IMF, TIER1_MF));
        assertArrayEquals(new long[]{-1_000, -625}, tick(constant(-1000, 60), 60, 0, TIER1_IMF, TIER1_MF));
        // int32 max and min: capped at ±1,500,000 (6 × (100% − 75%))
        assertArrayEquals(new long[]{1_500_000, 937_500},
                tick(constant(Integer.MAX_VALUE, 60), 60, 0, TIER1_IMF, TIER1_MF));
        assertArrayEquals(new long[]{-1_500_000, -937_500},
                tick(constant(Integer.MIN_VALUE, 60), 60, 0, TIER1_IMF, TIER1_MF));
        assertArrayEquals(new long[]{2_000, 1_250}, tick(constant(2000, 60), 60, 0, TIER1_IMF, TIER1_MF));
        // 20% IM, 18% MM: bound 6 × 2% = 120,000
        assertArrayEquals(new long[]{120_000, 75_000}, tick(constant(150_000, 60), 60, 0, TIER6_IMF, TIER6_MF));
        assertArrayEquals(new long[]{-120_000, -75_000}, tick(constant(-150_000, 60), 60, 0, TIER6_IMF, TIER6_MF));
        assertArrayEquals(new long[]{120_000, 75_000}, tick(constant(120_000, 60), 60, 0, TIER6_IMF, TIER6_MF));
        // IM equal to MM: clamped to 0
        assertArrayEquals(new long[]{0, 0}, tick(constant(120_000, 60), 60, 0, 1_000_000, 1_000_000));
        // 60 samples but 120 expected (30 s samples): zero padding halves the premium
        assertArrayEquals(new long[]{500, 312}, tick(constant(1000, 60), 30, 0, TIER1_IMF, TIER1_MF));
        assertArrayEquals(new long[]{500, 312}, tick(constant(1000, 30), 60, 0, TIER1_IMF, TIER1_MF));
        // default funding 0.001 (1,000 ppm) is added
        assertArrayEquals(new long[]{2_000, 1_250}, tick(constant(1000, 60), 60, 1000, TIER1_IMF, TIER1_MF));
        // more samples than expected: 75 × 1,000 and 25 × 5,000 average 2,000
        int[] mixed = new int[100];
        Arrays.fill(mixed, 0, 75, 1000);
        Arrays.fill(mixed, 75, 100, 5000);
        assertArrayEquals(new long[]{2_000, 1_250}, tick(mixed, 60, 0, TIER1_IMF, TIER1_MF));
        // no samples, negative default funding
        assertArrayEquals(new long[]{-1_000, -625}, tick(new int[0], 60, -1000, TIER1_IMF, TIER1_MF));
        assertArrayEquals(new long[]{0, 0}, tick(new int[0], 60, 0, TIER1_IMF, TIER1_MF));
    }

    @Test
    void fundingIndexDeltaBeyondInt64DoesNotOverflow() {
        int premium = DydxFunding.premiumPpm(constant(Integer.MAX_VALUE, 60), 60, 0);
        // tier 2: IMF 100%, fraction 0: bound 6,000,000
        long rate = DydxFunding.ratePpm(premium, 0, DydxFunding.clampBoundPpm(6_000_000, 1_000_000, 0));
        assertEquals(6_000_000, rate);
        assertEquals(new BigInteger("37500000000000000"),
                DydxFunding.fundingIndexDeltaQuantums(rate, 3600, BTC_PRICE, -5, 0));
    }

    @Test
    void votesBecomeSamplesByTheirPaddedMedian() {
        // 3 votes padded with zeros to 15: the median is 0
        assertEquals(0, DydxFunding.sampleFromVotes(new int[]{100, 200, 300}, 15));
        assertEquals(200, DydxFunding.sampleFromVotes(new int[]{100, 200, 300}, 1));
        List<List<Double>> votes = List.of(List.of(0.0001, 0.0002, 0.0003), List.of(-0.0004, 0.0002));
        assertEquals(List.of(200, -100), DydxFunding.samplesFromVotes(votes, 1));
        assertEquals(List.of(0, 0), DydxFunding.samplesFromVotes(votes, 15));
    }

    @Test
    void decimalsBecomePpmRoundedHalfAwayFromZero() {
        assertEquals(1000, DydxFunding.toPpm("x", 0.001));
        assertEquals(-1, DydxFunding.toPpm("x", -0.0000005));
        assertEquals(1, DydxFunding.toPpm("x", 0.0000005));
        assertThrows(EngineException.class, () -> DydxFunding.toPpm("x", 1e4));
    }

    @Test
    void mainnetClampOfLargeCap() {
        // IMF 5%, fraction 60%: MMF 3%, bound 6 × 2% = 12%
        assertEquals(120_000, DydxFunding.clampBoundPpm(6_000_000, 50_000, 600_000));
    }

    /**
     * x/perpetuals/keeper/stateful_premium_votes_validation_test.go: with PremiumVoteClampFactorPpm 60,000,000 the
     * largest |vote| per liquidity tier is 0, 15,000,000, 60,000,000, 6,000,000 and 6,000,000; a vote one ppm
     * beyond is refused there, and counted at the bound here.
     */
    @Test
    void premiumVoteBoundPerLiquidityTierAsTheValidationTest() {
        int f = DydxFunding.DEFAULT_PREMIUM_VOTE_CLAMP_FACTOR_PPM;
        assertEquals(0, DydxFunding.maxAbsPremiumVotePpm(f, 1_000_000, 1_000_000));
        assertEquals(15_000_000, DydxFunding.maxAbsPremiumVotePpm(f, 1_000_000, 750_000));
        assertEquals(60_000_000, DydxFunding.maxAbsPremiumVotePpm(f, 1_000_000, 0));
        assertEquals(6_000_000, DydxFunding.maxAbsPremiumVotePpm(f, 200_000, 500_000));
        assertEquals(6_000_000, DydxFunding.maxAbsPremiumVotePpm(f, 500_000, 800_000));
        // "not upward clamped - perpetual 0": 1 beyond a bound of 0
        assertEquals(0, DydxFunding.clampVote(1, 0));
        // "not downward clamped - perpetual 1": −15,000,000 − 1
        assertEquals(-15_000_000, DydxFunding.clampVote(-15_000_001, 15_000_000));
        // "not upward clamped - perpetual 3": 6,000,000 + 1
        assertEquals(6_000_000, DydxFunding.clampVote(6_000_001, 6_000_000));
        // the valid votes of "votes on all perpetuals" pass unchanged
        assertEquals(-15_000_000, DydxFunding.clampVote(-15_000_000, 15_000_000));
        assertEquals(-20_000, DydxFunding.clampVote(-20_000, 6_000_000));
    }

    /** x/clob/memclob/memclob_get_premium_price_test.go: a vote from the impact prices, rounded toward zero, clamped. */
    @Test
    void premiumVoteFromTheBookAsGetPricePremium() {
        // "Index < Impact Bid": 9,998.2 / 9,000 − 1, clamp 100%
        assertEquals(110_911, DydxFunding.premiumVotePpm(9_998.2, 10_001, 9_000, 1_000_000));
        // "Impact Ask < Index", negative, rounded toward zero: 10,001.7 / 10,003 − 1
        assertEquals(-129, DydxFunding.premiumVotePpm(10_000, 10_001.7, 10_003, 1_000_000));
        // "Index << Impact Bid, maximum premium (clamped)": 9,999.9 / 6,000 − 1 = 66.7% beyond 10%
        assertEquals(100_000, DydxFunding.premiumVotePpm(9_999.9, 10_001, 6_000, 100_000));
        // "Impact Ask << Index, minimum premium (clamped)": 10,001 / 15,000 − 1 = −33.3% beyond −10%
        assertEquals(-100_000, DydxFunding.premiumVotePpm(9_999.9, 10_001, 15_000, 100_000));
        // index between the impact prices: 0
        assertEquals(0, DydxFunding.premiumVotePpm(9_999.9, 10_001, 10_000, 100_000));
    }

    @Test
    void votesAreClampedBeforeTheMedian() {
        // IMF 5%, fraction 60%: bound 60 × 2% = 120%; the two wild votes count at ±120% and the median is unchanged
        long bound = DydxFunding.maxAbsPremiumVotePpm(DydxFunding.DEFAULT_PREMIUM_VOTE_CLAMP_FACTOR_PPM, 50_000,
                600_000);
        assertEquals(1_200_000, bound);
        List<List<Double>> votes = List.of(List.of(0.0001, 5.0, 0.0002), List.of(-3.0, -2.0, 0.0001));
        assertEquals(List.of(200, -1_200_000), DydxFunding.samplesFromVotes(votes, 1, bound));
        assertEquals(List.of(200, -2_000_000), DydxFunding.samplesFromVotes(votes, 1));
        assertEquals(3, DydxFunding.clampedVotes(votes, bound));
    }
}
