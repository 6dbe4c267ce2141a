package com.perprisk.engine;

/** One-way: one net position per symbol. Hedge: a long and a short leg of the same symbol may coexist. */
public enum PositionMode {
    ONE_WAY,
    HEDGE
}
