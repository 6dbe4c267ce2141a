package com.perprisk.ui.compare;

import com.perprisk.engine.Convention;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.Market;
import com.perprisk.engine.compare.VenueComparison;
import com.perprisk.io.Preset;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.WorkspaceException;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which tier table each venue's column of the comparison uses: the market's own under its own convention, and
 * under every other convention that venue's bundled preset for the same asset (BTCUSDT → Hyperliquid BTC, dYdX's
 * large-cap liquidity tier), or, where no preset exists, the market's own table carried over (and said so).
 */
final class VenuePresets {
    /** dYdX v4 markets in its large-cap liquidity tier (the others' tiers are not bundled per asset). */
    private static final List<String> DYDX_LARGE_CAP = List.of("BTC", "ETH");

    private VenuePresets() {
    }

    /** The asset a symbol trades: "BTCUSDT", "BTC-USDT-SWAP", "BTC-USD", "BTC" → "BTC". */
    static String base(String symbol) {
        // a coin-margined symbol: Binance COIN-M BTCUSD_PERP, Bybit BTCUSD
        String s = symbol.toUpperCase(Locale.ROOT).replace("_PERP", "");
        for (String suffix : List.of("-USDT-SWAP", "-USD-SWAP", "-USDT", "-USDC", "-USD", "USDT", "USDC", "PERP",
                "USD")) {
            if (s.endsWith(suffix) && s.length() > suffix.length()) {
                return s.substring(0, s.length() - suffix.length());
            }
        }
        return s;
    }

    /** The bundled preset of a venue for the market's asset, if any. */
    static Optional<Preset> preset(Market m, Convention c) {
        String base = base(m.symbol());
        try {
            for (PresetCatalog.PresetInfo info : PresetCatalog.list(c)) {
                boolean match = c == Convention.DYDX ? info.symbol().equals("LARGE-CAP") && DYDX_LARGE_CAP.contains(base)
                        : base(info.symbol()).equals(base);
                if (match) {
                    return Optional.of(PresetCatalog.load(info.id()));
                }
            }
        } catch (WorkspaceException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Where a column's tier table comes from, in words. */
    static String source(Market m, Convention c) {
        if (c == m.convention()) {
            return "the market's own tier table";
        }
        return preset(m, c).map(p -> p.label().replace("\u24C8", "S"))
                .orElse("no bundled preset for " + m.symbol() + ": the market's own table, carried over");
    }

    /** The market as the venue would run it, with the venue's preset where there is one. */
    static Market carry(Market m, Convention c) {
        Market carried = VenueComparison.carry(m, c);
        if (c == m.convention()) {
            return carried;
        }
        Optional<Preset> p = preset(m, c);
        if (p.isEmpty()) {
            return carried;
        }
        if (p.get().dydx() != null) {
            var d = p.get().dydx();
            return Market.dydx(m.symbol(), m.markPrice(), m.indexPrice(), m.takerFeeRate(),
                    DydxMargin.of(d.initialMarginFraction(), d.maintenanceFraction()), carried.funding(), m.future());
        }
        return carried.withConvention(c, p.get().tierTable());
    }
}
