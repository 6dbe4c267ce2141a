package com.perprisk.engine;

/**
 * The account: its cross wallet balance (isolated margins are held apart from it) and position mode.
 *
 * @param walletBalance cross wallet balance (WB)
 * @param positionMode  one-way or hedge
 */
public record Account(double walletBalance, PositionMode positionMode) {
}
