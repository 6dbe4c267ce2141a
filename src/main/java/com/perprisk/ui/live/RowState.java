package com.perprisk.ui.live;

import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.venue.LiveMarket;
import com.perprisk.venue.Venue;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the markets table shows in a row's data cell: the age of the data ("typed", "edited", "now", "7 min"), the
 * preset badge, the last refresh error, and the tooltip that says where the numbers came from.
 *
 * @param fetched whether the market's numbers came from a fetch
 * @param old     whether they are more than an hour old
 */
public record RowState(String age, String badge, String error, String tooltip, boolean fetched, boolean old) {

    /**
     * The state of a market as the workspace holds it.
     *
     * @param m        the market (null when the row has no usable symbol)
     * @param error    its last refresh error, or null
     * @param fetched  what this session's last refresh put in, or null
     * @param venue    the venue its convention names
     * @param now      the time to measure the age against
     */
    static RowState of(MarketDoc m, String error, MarketDoc fetched, Venue venue, Instant now) {
        Optional<Instant> asOf = LiveMarket.asOf(m);
        String badge = LiveMarket.tiersAsOf(m).map(d -> "⚑ " + d).orElse("");
        if (asOf.isEmpty()) {
            return new RowState("typed", badge, error, error != null ? error
                    : "Typed or from a file: never fetched. Refresh to fetch it from " + venue.displayName(),
                    false, false);
        }
        Duration age = Duration.between(asOf.get(), now);
        if (editedSince(fetched, m)) {
            return new RowState("edited", badge, error, (error != null ? error + "\n\n" : "") + "Fetched "
                    + asOf.get() + " (" + ageText(age) + "), then edited by hand. Refresh to fetch it again.",
                    true, false);
        }
        String tip = "Fetched " + asOf.get() + " (" + ageText(age) + ")\n" + LiveMarket.source(m).orElse("")
                + (badge.isEmpty() ? "" : "\nThe tier table is a bundled preset dated " + LiveMarket.tiersAsOf(m)
                .orElse("") + ", not the venue's current one (Binance's table needs a read-only key)");
        return new RowState(shortAge(age), badge, error, error != null ? error + "\n\n" + tip : tip, true,
                age.compareTo(Duration.ofHours(1)) > 0);
    }

    /** Whether the venue's values of a market fetched this session have been typed over since. */
    private static boolean editedSince(MarketDoc f, MarketDoc now) {
        if (f == null || !Objects.equals(f.extra().get(LiveMarket.AS_OF), now.extra().get(LiveMarket.AS_OF))) {
            return false;
        }
        return !(Objects.equals(f.markPrice(), now.markPrice()) && Objects.equals(f.indexPrice(), now.indexPrice())
                && Objects.equals(f.convention(), now.convention()) && Objects.equals(f.tiers(), now.tiers())
                && Objects.equals(f.dydx(), now.dydx()) && Objects.equals(f.funding(), now.funding()));
    }

    /** "just now", "5 min ago", "3 h ago", "2 d ago". */
    static String ageText(Duration age) {
        long s = Math.max(0, age.getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 3600) {
            return s / 60 + " min ago";
        }
        if (s < 86_400) {
            return s / 3600 + " h ago";
        }
        return s / 86_400 + " d ago";
    }

    /** "now", "5 min", "3 h", "2 d": what fits in the table's cell. */
    static String shortAge(Duration age) {
        String t = ageText(age);
        return t.equals("just now") ? "now" : t.replace(" ago", "");
    }
}
