package com.perprisk.engine.funding;

import com.perprisk.engine.EngineException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FundingMethodTest {
    private static final double EPS = 1e-12;

    private static FundingMethod.Inputs inputs(List<Double> samples, Double interest, Double cap, Double imf,
                                               Double mf, Double defaultFunding, Integer expected, Double elapsed,
                                               Double price) {
        return new FundingMethod.Inputs(samples, null, expected, interest, null, null, cap, null, defaultFunding, imf,
                mf, null, null, null, elapsed, price);
    }

    @Test
    void binanceIsPremiumPlusClampedInterest() {
        // domain reference §5: P = 0.0003 → F = P + clamp(0.0001 − 0.0003, ±0.0005) = 0.0001
        FundingMethod.Result r = FundingMethod.BINANCE.compute(FundingMethod.Inputs.ofSamples(List.of(0.0003)));
        assertEquals(0.0003, r.premiumIndex(), EPS);
        assertEquals(0.0001, r.rate(), 0.0);
        assertEquals(0.0001 / 8, r.ratePerHour(), EPS);
        assertEquals(0.1095, r.apr(), EPS); // 0.01% per 8 h → 10.95%
        assertNull(r.clampBound());
        // a large premium passes through less the clamp: 0.002 → 0.002 − 0.0005 = 0.0015
        assertEquals(0.0015, FundingMethod.BINANCE.compute(FundingMethod.Inputs.ofSamples(List.of(0.002))).rate(), EPS);
    }

    @Test
    void binanceWeightsLaterSamplesMore() {
        // (1 × 0.001 + 2 × 0.002 + 3 × 0.003) / 6 = 0.0023333…
        assertEquals(0.014 / 6, FundingMethod.timeWeightedAverage(List.of(0.001, 0.002, 0.003)), EPS);
        FundingMethod.Result r = FundingMethod.BINANCE.compute(inputs(List.of(0.001, 0.002, 0.003), 0.0001, 0.002,
                null, null, null, null, null, null));
        assertEquals(0.014 / 6 - 0.0005, r.rate(), EPS);
        FundingMethod.Result capped = FundingMethod.BINANCE.compute(inputs(List.of(0.01), 0.0001, 0.0075,
                null, null, null, null, null, null));
        assertEquals(0.0075, capped.rate(), EPS);
        assertEquals(0.0075, capped.clampBound(), EPS);
    }

    @Test
    void hyperliquidPaysAnEighthHourlyAndCapsFourPercentAnHour() {
        // FundingRateTest's example: impact bid 10,100 over index 10,000 → P = 1%, F_8h = 0.95%, 0.11875% per hour
        double p = FundingRate.premiumIndex(10_100, 10_120, 10_000);
        FundingMethod.Result r = FundingMethod.HYPERLIQUID.compute(FundingMethod.Inputs.ofSamples(List.of(p, p)));
        assertEquals(0.0095, r.rate(), EPS);
        assertEquals(0.0011875, r.ratePerHour(), EPS);
        assertEquals(0.32, r.clampBound(), EPS);
        FundingMethod.Result huge = FundingMethod.HYPERLIQUID.compute(FundingMethod.Inputs.ofSamples(List.of(0.6)));
        assertEquals(0.32, huge.rate(), EPS);
        assertEquals(0.04, huge.ratePerHour(), EPS);
        // Hyperliquid averages plainly
        assertEquals(0.002, FundingMethod.HYPERLIQUID.compute(FundingMethod.Inputs.ofSamples(
                List.of(0.001, 0.003))).premiumIndex(), EPS);
    }

    @Test
    void dydxFromDecimalSamplesMatchesTheKeeper() {
        // 60 samples of 1,000 ppm on tier 1 (IMF 100%, fraction 75%): rate 0.001, per hour 0.000125
        List<Double> samples = new ArrayList<>(Collections.nCopies(60, 0.001));
        FundingMethod.Result r = FundingMethod.DYDX.compute(inputs(samples, null, null, 1.0, 0.75, null, null, 1.0,
                50_000.0));
        assertEquals(0.001, r.premiumIndex(), EPS);
        assertEquals(0.001, r.rate(), EPS);
        assertEquals(1.5, r.clampBound(), EPS);
        assertEquals(0.000125, r.ratePerHour(), EPS);
        // index delta per BTC over an hour at $50,000: 0.001 / 8 × 50,000 = 6.25 (dYdX's 625 quantums × 10⁻²)
        assertEquals(6.25, r.fundingIndexDelta(), 1e-9);
        // 30 samples of 60 expected: padded, half
        FundingMethod.Result half = FundingMethod.DYDX.compute(inputs(new ArrayList<>(Collections.nCopies(30, 0.001)),
                null, null, 1.0, 0.75, null, null, null, null));
        assertEquals(0.0005, half.rate(), EPS);
        // 15% samples on 20% / 18%: clamped to 12%
        FundingMethod.Result clamped = FundingMethod.DYDX.compute(inputs(
                new ArrayList<>(Collections.nCopies(60, 0.15)), null, null, 0.2, 0.9, null, null, null, null));
        assertEquals(0.12, clamped.rate(), EPS);
        assertEquals(0.12, clamped.clampBound(), EPS);
        // default funding added: 0.001 + 0.001
        FundingMethod.Result withDefault = FundingMethod.DYDX.compute(inputs(samples, null, null, 1.0, 0.75, 0.001,
                null, null, null));
        assertEquals(0.002, withDefault.rate(), EPS);
        // averaging truncates toward zero in ppm: 1 ppm in one of 60 samples → 0
        List<Double> tiny = new ArrayList<>(Collections.nCopies(59, 0.0));
        tiny.add(0.000001);
        assertEquals(0.0, FundingMethod.DYDX.compute(inputs(tiny, null, null, 1.0, 0.75, null, null, null, null))
                .rate(), 0.0);
    }

    @Test
    void dydxNeedsTheMarginFractions() {
        assertThrows(EngineException.class, () -> FundingMethod.DYDX.compute(FundingMethod.Inputs.ofSamples(
                List.of(0.001))));
    }

    @Test
    void noSamplesIsAnError() {
        assertThrows(EngineException.class, () -> FundingMethod.BINANCE.compute(FundingMethod.Inputs.ofSamples(
                List.of())));
    }

    @Test
    void dydxClampsEachVoteBeforeTheMedian() {
        // IMF 5%, fraction 60%: votes are clamped to ±60 × 2% = 120%; one sample of three votes of 500%
        List<List<Double>> votes = List.of(List.of(5.0, 5.0, 5.0));
        FundingMethod.Inputs in = new FundingMethod.Inputs(null, votes, null, null, null, null, null, null, null, 0.05,
                0.6, null, 1, null, null, null);
        FundingMethod.Result r = FundingMethod.DYDX.compute(in);
        // the sample counts at 1.2 (not 5), padded with 59 zeros: P = 1.2 / 60 = 2%, inside the 12% rate clamp
        assertEquals(0.02, r.premiumIndex(), EPS);
        assertEquals(0.02, r.rate(), EPS);
        assertTrue(r.explanations().get("premiumIndex").notes().get(0).contains("3 votes lie beyond ±120%"),
                r.explanations().get("premiumIndex").notes().toString());
        // a smaller vote clamp factor (1 = 100%: ±2%) binds harder: the sample is 0.02, P = 0.02 / 60
        FundingMethod.Inputs tight = new FundingMethod.Inputs(null, votes, null, null, null, null, null, null, null,
                0.05, 0.6, null, 1, null, null, null, 1.0);
        assertEquals(0.02 / 60, FundingMethod.DYDX.compute(tight).premiumIndex(), 1e-6);
    }
}
