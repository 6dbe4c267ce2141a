package com.perprisk.engine.risk;

/**
 * Per-market figures: premium, annualized funding and basis to a dated future.
 *
 * @param symbol          the market
 * @param premium         (mark − index) / index
 * @param fundingApr      rate × settlements per year
 * @param fundingApy      (1 + rate)^(settlements per year) − 1
 * @param basis           future − index, or {@code null} without a future
 * @param basisRate       (future − index) / index
 * @param annualizedBasis basis rate × 365 / days to expiry
 */
public record MarketRisk(String symbol, double premium, double fundingApr, double fundingApy, Double basis,
                         Double basisRate, Double annualizedBasis) {
}
