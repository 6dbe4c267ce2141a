package com.perprisk.engine;

/** Direction of a position. {@link #sign()} is +1 for a long and −1 for a short, the "side" of every formula. */
public enum Side {
    LONG(1),
    SHORT(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** +1 for a long, −1 for a short. */
    public int sign() {
        return sign;
    }

    public Side opposite() {
        return this == LONG ? SHORT : LONG;
    }
}
