package com.perprisk.engine;

/** How a contract is denominated: what its size counts and which asset its money is in. */
public enum ContractType {
    /** Size in base units, margin, PnL, fees and funding in the quote asset (USDT, USDC): today's perpetuals. */
    LINEAR,
    /**
     * Coin-margined (inverse): size in contracts of a fixed value in the quote currency, margin, PnL, fees and
     * funding in the settlement coin (BitMEX XBTUSD, Binance COIN-M, Bybit inverse, Deribit).
     */
    INVERSE
}
