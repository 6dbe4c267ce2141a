package com.perprisk.ui.live;

import com.perprisk.venue.Venue;
import com.perprisk.venue.VenueHttp;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the app fetches from: each venue's own host unless a system property points it elsewhere (a mirror, or a
 * recorded server in tests): {@code perprisk.venue.baseUrl} for every venue, {@code perprisk.venue.<id>.baseUrl}
 * for one ({@code perprisk.venue.hyperliquid.baseUrl}); {@code perprisk.venue.timeoutMs} for the timeout (10 s).
 */
public record LiveConfig(Map<Venue, String> baseUrls, Duration timeout) {
    public static final String BASE_URL = "perprisk.venue.baseUrl";
    public static final String TIMEOUT_MS = "perprisk.venue.timeoutMs";

    public LiveConfig {
        baseUrls = Map.copyOf(baseUrls);
        timeout = timeout == null ? VenueHttp.DEFAULT_TIMEOUT : timeout;
    }

    public static LiveConfig fromSystemProperties() {
        Map<Venue, String> urls = new EnumMap<>(Venue.class);
        String all = System.getProperty(BASE_URL);
        for (Venue v : Venue.values()) {
            String one = System.getProperty("perprisk.venue." + v.id() + ".baseUrl", all);
            if (one != null && !one.isBlank()) {
                urls.put(v, one.strip());
            }
        }
        Duration timeout = VenueHttp.DEFAULT_TIMEOUT;
        try {
            String t = System.getProperty(TIMEOUT_MS);
            if (t != null && Long.parseLong(t.strip()) > 0) {
                timeout = Duration.ofMillis(Long.parseLong(t.strip()));
            }
        } catch (NumberFormatException e) {
            // keep the default
        }
        return new LiveConfig(urls, timeout);
    }

    /** The venue's base URL, or null for its own host. */
    public String baseUrl(Venue v) {
        return baseUrls.get(v);
    }
}
