package com.perprisk.engine.risk;

/**
 * One margin pool's account figures: the linear quote pool (USDT), or the cross pool of one settlement coin (BTC),
 * whose inverse positions share that coin's wallet. Every amount is in {@code asset}.
 *
 * @param asset   the pool's asset: "USDT" (or "USDC") for the linear pool, the settle coin for an inverse one
 * @param figures wallet, uPnL, margin balance, initial and maintenance margin, margin ratio, available balance
 */
public record PoolRisk(String asset, AccountRisk figures) {
}
