package com.perprisk.engine;

import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;

import java.util.ArrayList;
import java.util.List;

/** Tier tables of the domain reference, for tests. */
public final class Tables {
    private Tables() {
    }

    /** Binance BTCUSDT as published 2024-10-24 (domain §1), maintenance amounts as published. */
    public static List<TierSpec> binanceBtc2024() {
        double[] floors = {0, 50e3, 600e3, 3e6, 12e6, 70e6, 100e6, 230e6, 480e6, 600e6, 800e6, 1200e6, 1800e6};
        double[] lev = {125, 100, 75, 50, 25, 20, 10, 5, 4, 3, 2, 1};
        double[] mmr = {0.004, 0.005, 0.0065, 0.01, 0.02, 0.025, 0.05, 0.10, 0.125, 0.15, 0.25, 0.50};
        double[] cum = {0, 50, 950, 11_450, 131_450, 481_450, 2_981_450, 14_481_450, 26_481_450, 41_481_450,
                121_481_450, 421_481_450};
        List<TierSpec> out = new ArrayList<>();
        for (int i = 0; i < lev.length; i++) {
            out.add(TierSpec.of(floors[i], floors[i + 1], lev[i], mmr[i], cum[i]));
        }
        return out;
    }

    /** Binance BTCUSDT 2021 (domain §1), used by Binance's cross FAQ example. */
    public static List<TierSpec> binanceBtc2021() {
        double[] floors = {0, 50e3, 250e3, 1e6, 5e6, 20e6, 50e6, 100e6, 200e6, 300e6, 500e6};
        double[] lev = {125, 100, 50, 20, 10, 5, 4, 3, 2, 1};
        double[] mmr = {0.004, 0.005, 0.01, 0.025, 0.05, 0.10, 0.125, 0.15, 0.25, 0.50};
        double[] cum = {0, 50, 1_300, 16_300, 141_300, 1_141_300, 2_391_300, 4_891_300, 24_891_300, 99_891_300};
        List<TierSpec> out = new ArrayList<>();
        for (int i = 0; i < lev.length; i++) {
            out.add(TierSpec.of(floors[i], floors[i + 1], lev[i], mmr[i], cum[i]));
        }
        return out;
    }

    /** Binance ETHUSDT 2021 brackets as used by the FAQ example (10% bracket: cum 135,365). */
    public static List<TierSpec> binanceEth2021() {
        double[] floors = {0, 10e3, 100e3, 500e3, 1e6, 2e6, 5e6, 10e6, 20e6, 50e6, 100e6};
        double[] lev = {100, 75, 50, 25, 10, 5, 4, 3, 2, 1};
        double[] mmr = {0.005, 0.0065, 0.01, 0.02, 0.05, 0.10, 0.125, 0.15, 0.25, 0.50};
        List<TierSpec> out = new ArrayList<>();
        for (int i = 0; i < lev.length; i++) {
            out.add(TierSpec.derived(floors[i], floors[i + 1], lev[i], mmr[i]));
        }
        return out;
    }

    /** One open bracket with the given MMR and no maintenance amount. */
    public static TierTable single(double maxLeverage, double mmr) {
        return TierTable.resolve(Convention.BINANCE,
                List.of(TierSpec.of(0, Double.POSITIVE_INFINITY, maxLeverage, mmr, 0)));
    }

    public static TierTable resolve(Convention c, List<TierSpec> specs) {
        return TierTable.resolve(c, specs);
    }
}
