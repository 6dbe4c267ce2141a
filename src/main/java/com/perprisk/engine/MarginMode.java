package com.perprisk.engine;

/** Whether a position draws on the shared cross wallet or on margin set aside for it alone. */
public enum MarginMode {
    /** All cross positions share the cross wallet; a loss on one eats the margin of all. */
    CROSS,
    /** The position's own margin is all it can lose; the rest of the account is untouched. */
    ISOLATED
}
