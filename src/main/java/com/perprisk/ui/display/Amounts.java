package com.perprisk.ui.display;

import com.perprisk.ui.format.Formats;

import java.util.Set;

/**
 * Amounts with the asset they are in, for a workspace with coin-margined contracts: "4,880.00 USDT", "0.025862 BTC".
 * A quote currency keeps two decimals; a coin gets {@value #COIN_DECIMALS} (a margin of a few satoshis still shows).
 * With no asset (a workspace of linear contracts only) the text is the bare number it always was.
 */
public final class Amounts {
    /** Decimals of an amount in a coin (BTC, ETH). */
    public static final int COIN_DECIMALS = 6;
    private static final Set<String> QUOTES = Set.of("USDT", "USDC", "BUSD", "FDUSD", "USD", "DAI");

    private Amounts() {
    }

    /** Whether the asset is a coin (not a quote currency). */
    public static boolean isCoin(String asset) {
        return asset != null && !QUOTES.contains(asset);
    }

    /** Decimals for an amount in this asset: 2 for a quote currency (or none), {@link #COIN_DECIMALS} for a coin. */
    public static int decimals(String asset) {
        return isCoin(asset) ? COIN_DECIMALS : 2;
    }

    /** "0.025862 BTC"; the bare amount when {@code asset} is null; "—" for a missing value. */
    public static String money(Formats fmt, Double value, String asset) {
        if (asset == null) {
            return fmt.money(value);
        }
        String n = fmt.number(value, decimals(asset));
        return n.equals(Formats.NONE) ? n : n + " " + asset;
    }

    /** A signed amount: "+0.020690 BTC", "−800.00 USDT" (PnL, funding); bare without an asset. */
    public static String signed(Formats fmt, Double value, String asset) {
        if (asset == null) {
            return fmt.signedMoney(value);
        }
        if (value == null || !Double.isFinite(value)) {
            return Formats.NONE;
        }
        int d = decimals(asset);
        String s = fmt.number(Math.abs(value), d);
        String zero = fmt.number(0.0, d);
        return (s.equals(zero) ? s : (value > 0 ? "+" : "\u2212") + s) + " " + asset;
    }
}
