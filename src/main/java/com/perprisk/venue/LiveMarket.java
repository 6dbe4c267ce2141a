package com.perprisk.venue;

import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierIssue;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import com.perprisk.io.WorkspaceMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fetched market is a workspace market plus {@code asOf} (ISO time of the fetch), {@code source} (venue, host and
 * endpoints), {@code nextFundingTime} (ISO) and, when the tier table is a bundled preset rather than the venue's
 * current one, {@code tiersAsOf} (the preset's date). These are extra fields of the market object, which the
 * workspace format keeps on read and write.
 */
public final class LiveMarket {
    public static final String AS_OF = "asOf";
    public static final String SOURCE = "source";
    public static final String NEXT_FUNDING_TIME = "nextFundingTime";
    public static final String TIERS_AS_OF = "tiersAsOf";
    /** On an imported position: the venue's own liquidation price. */
    public static final String VENUE_LIQUIDATION_PRICE = "venueLiquidationPrice";
    /** On an imported position: the venue it came from (binance, bybit, …). */
    public static final String VENUE = "venue";

    private LiveMarket() {
    }

    /** Brackets resolved by the engine's {@link TierTable} (missing maintenance amounts by its recursion). */
    static List<TierDoc> tiers(Fields f, String at, Convention convention, List<TierSpec> specs) throws VenueException {
        try {
            TierTable table = TierTable.resolve(convention, specs);
            return WorkspaceMapper.tierDocs(convention, table);
        } catch (TierTable.InvalidTierTableException e) {
            TierIssue first = e.issues().stream().filter(TierIssue::isError).findFirst().orElseThrow();
            String where = first.tierIndex() < 0 ? at : at + "[" + first.tierIndex() + "]";
            throw f.units(where, "the tier table does not add up after conversion to notional: " + first.message());
        }
    }

    static MarketDoc market(String symbol, Convention convention, double mark, double index, double fundingRate,
                            double intervalHours, List<TierDoc> tiers, DydxDoc dydx, Instant asOf, String source,
                            Instant nextFunding, String tiersAsOf) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(AS_OF, asOf.truncatedTo(ChronoUnit.MILLIS).toString());
        extra.put(SOURCE, source);
        if (nextFunding != null) {
            extra.put(NEXT_FUNDING_TIME, nextFunding.toString());
        }
        if (tiersAsOf != null) {
            extra.put(TIERS_AS_OF, tiersAsOf);
        }
        return new MarketDoc(symbol, convention.name(), mark, index, null, tiers, dydx,
                new FundingDoc(fundingRate, intervalHours, null), null, extra);
    }

    /** The next whole hour after {@code now}: when hourly funding (Hyperliquid, dYdX) settles next. */
    static Instant nextHour(Instant now) {
        return now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    }

    /** The fetch time of a market, when it was fetched. */
    public static Optional<Instant> asOf(MarketDoc m) {
        return instant(m == null ? null : m.extra().get(AS_OF));
    }

    public static Optional<String> source(MarketDoc m) {
        Object s = m == null ? null : m.extra().get(SOURCE);
        return s instanceof String t ? Optional.of(t) : Optional.empty();
    }

    /** The preset date of a tier table that is not the venue's current one. */
    public static Optional<String> tiersAsOf(MarketDoc m) {
        Object s = m == null ? null : m.extra().get(TIERS_AS_OF);
        return s instanceof String t ? Optional.of(t) : Optional.empty();
    }

    public static Optional<Double> venueLiquidationPrice(PositionDoc p) {
        Object v = p == null ? null : p.extra().get(VENUE_LIQUIDATION_PRICE);
        return v instanceof Number n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    private static Optional<Instant> instant(Object o) {
        if (o instanceof String s) {
            try {
                return Optional.of(Instant.parse(s));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * The fetched market in place of the old one: everything the venue gave, keeping what only the user knows (the
     * taker fee of their account tier, a dated future) when the fetch has none.
     */
    public static MarketDoc mergeInto(MarketDoc old, MarketDoc fetched) {
        if (old == null) {
            return fetched;
        }
        Map<String, Object> extra = new LinkedHashMap<>(old.extra());
        extra.remove(TIERS_AS_OF);
        extra.putAll(fetched.extra());
        return new MarketDoc(fetched.symbol(), fetched.convention(), fetched.markPrice(), fetched.indexPrice(),
                fetched.takerFeeRate() != null ? fetched.takerFeeRate() : old.takerFeeRate(), fetched.tiers(),
                fetched.dydx(), fetched.funding(), fetched.future() != null ? fetched.future() : old.future(), extra);
    }

    /** A position as the workspace holds it, with the venue's liquidation price and origin as extra fields. */
    static PositionDoc position(Venue venue, String id, String symbol, boolean isLong, double size, double entry,
                                double leverage, boolean isolated, Double isolatedMargin, Double venueLiq,
                                Instant asOf) {
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put(VENUE, venue.id());
        if (venueLiq != null && venueLiq > 0) {
            extra.put(VENUE_LIQUIDATION_PRICE, venueLiq);
        }
        extra.put(AS_OF, asOf.truncatedTo(ChronoUnit.MILLIS).toString());
        return new PositionDoc(id, symbol, isLong ? "LONG" : "SHORT", size, entry, round2(Math.max(1, leverage)),
                isolated ? "ISOLATED" : "CROSS", isolated && isolatedMargin != null && isolatedMargin > 0
                ? isolatedMargin : null, null, extra);
    }

    /** A number for messages and sources: 0.01, 84660.1, 2000. */
    static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** A ratio of two venue decimals without binary noise: 0.012 / 0.02 = 0.6, not 0.6000000000000001. */
    static double ratio(double a, double b) {
        return new java.math.BigDecimal(a / b).round(new java.math.MathContext(12)).doubleValue();
    }
}
