package com.perprisk.engine;

/**
 * A dated (expiring) future on the same underlying, for basis and carry.
 *
 * @param price        the future's price
 * @param daysToExpiry days until it expires
 */
public record DatedFuture(double price, double daysToExpiry) {
}
