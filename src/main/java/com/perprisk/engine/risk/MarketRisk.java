package com.perprisk.engine.risk;

/**
 * Per-market figures: premium, annualized funding and basis to a dated future.
 *
 * @param symbol          the market
 * @param premium         (mark − index) / index
 * @param fundingApr      rate × settlements per year
 * @param fundingApy      (1 + rate)^(settlements per year) − 1, or {@code null} with a warning when it overflows
 * @param basis           future − index, or {@code null} without a future
 * @param basisRate       (future − index) / index
 * @param annualizedBasis basis rate × 365 / days to expiry, or {@code null} (no future, or too large to hold:
 *                        then with a warning)
 */
public record MarketRisk(String symbol, double premium, double fundingApr, Double fundingApy, Double basis,
                         Double basisRate, Double annualizedBasis) {
}
