package com.perprisk.engine.liquidation;

/** What the margin balance is solved against: the three prices a trader asks for. */
public enum Requirement {
    /** Maintenance requirement under the convention: the liquidation price. */
    MAINTENANCE,
    /** Zero: the bankruptcy price, where the margin balance is used up. */
    ZERO,
    /** The taker fee to close at P: the bankruptcy price with a close fee. */
    CLOSE_FEE
}
