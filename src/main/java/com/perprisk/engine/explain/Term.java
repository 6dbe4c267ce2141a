package com.perprisk.engine.explain;

/**
 * One named input of a formula, as a teacher would label it on the board.
 *
 * @param symbol the short symbol used in the formula, e.g. {@code Q} or {@code MMR}
 * @param name   what it is in words, e.g. "position size"
 * @param value  its value in this calculation
 * @param unit   unit of the value, e.g. "USDT", "BTC", "rate"; empty when unitless
 */
public record Term(String symbol, String name, double value, String unit) {
}
