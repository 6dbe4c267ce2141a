package com.perprisk.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account: its cross wallet balances (isolated margins are held apart from them) and position mode.
 *
 * @param walletBalance cross wallet balance (WB) of the linear quote pool (USDT, USDC)
 * @param positionMode  one-way or hedge
 * @param coinWallets   cross wallet of each settlement coin of inverse contracts ("BTC" → 1.5), in the file's order;
 *                      each coin's cross inverse positions share one pool with that wallet
 */
public record Account(double walletBalance, PositionMode positionMode, Map<String, Double> coinWallets) {

    public Account {
        coinWallets = coinWallets == null || coinWallets.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(coinWallets));
    }

    /** An account with only the linear quote wallet. */
    public Account(double walletBalance, PositionMode positionMode) {
        this(walletBalance, positionMode, Map.of());
    }

    /** The cross wallet of a settlement coin, or null when the account has none. */
    public Double coinWallet(String asset) {
        return coinWallets.get(asset);
    }

    public Account withCoinWallets(Map<String, Double> wallets) {
        return new Account(walletBalance, positionMode, wallets);
    }

    public Account withWalletBalance(double wallet) {
        return new Account(wallet, positionMode, coinWallets);
    }
}
