package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;

/**
 * The exit price that gives a desired ROE: ROE = side × L × (P − EP) / EP, so P = EP × (1 + side × ROE / L).
 */
public final class TargetPrice {
    private TargetPrice() {
    }

    public static double forRoe(Side side, double entryPrice, double leverage, double roe) {
        if (!(entryPrice > 0) || !(leverage > 0) || !Double.isFinite(roe)) {
            throw new EngineException("target price needs a positive entry price and leverage and a finite ROE");
        }
        // P = EP × (1 + side × ROE / L)
        double p = entryPrice * (1 + side.sign() * roe / leverage);
        if (!(p > 0)) {
            throw new EngineException("an ROE of " + roe + " at " + leverage + "x cannot be reached: the price would be "
                    + "≤ 0");
        }
        return p;
    }

    /** ROE of a position closed at P: side × Q × (P − EP) / (Q × EP / L). */
    public static double roeAt(Side side, double entryPrice, double leverage, double price) {
        return side.sign() * (price - entryPrice) * leverage / entryPrice;
    }
}
