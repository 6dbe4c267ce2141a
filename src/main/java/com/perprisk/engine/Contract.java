package com.perprisk.engine;

import java.util.Objects;

/**
 * What one unit of a market's size is. A linear contract (the default) counts base units and settles in the quote
 * asset. An inverse contract counts contracts of a fixed value in the quote currency ({@code contractSize}, e.g. 100
 * USD for Binance COIN-M BTCUSD_PERP, 1 USD for BitMEX XBTUSD) and settles in a coin ({@code settleAsset}).
 *
 * @param type         LINEAR or INVERSE
 * @param contractSize value of one contract in the quote currency (1 for a linear contract)
 * @param settleAsset  the coin margin, PnL and funding are paid in (null for a linear contract)
 */
public record Contract(ContractType type, double contractSize, String settleAsset) {

    /** A linear contract: size in base units, money in the quote asset. */
    public static final Contract LINEAR = new Contract(ContractType.LINEAR, 1, null);

    public Contract {
        Objects.requireNonNull(type, "type");
        if (type == ContractType.INVERSE) {
            Objects.requireNonNull(settleAsset, "settleAsset");
            if (!(contractSize > 0) || !Double.isFinite(contractSize)) {
                throw new EngineException("contract size must be a positive number, got " + contractSize);
            }
        }
    }

    /** An inverse contract of {@code contractSize} quote units settled in {@code settleAsset}. */
    public static Contract inverse(double contractSize, String settleAsset) {
        return new Contract(ContractType.INVERSE, contractSize, settleAsset);
    }

    public boolean isInverse() {
        return type == ContractType.INVERSE;
    }

    /** Face value of a number of contracts in the quote currency: C × cs. */
    public double faceValue(double contracts) {
        return contracts * contractSize;
    }

    /** Coin notional of an inverse position at price P: N(P) = C × cs / P. */
    public double coinNotional(double contracts, double price) {
        return contracts * contractSize / price;
    }

    /** Coin PnL of an inverse position: side × C × cs × (1/EP − 1/P). */
    public double coinPnl(Side side, double contracts, double entryPrice, double price) {
        return side.sign() * contracts * contractSize * (1 / entryPrice - 1 / price);
    }
}
