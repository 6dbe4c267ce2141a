package com.perprisk.venue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perprisk.venue.VenueException.Kind;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * One venue's HTTP: {@code java.net.http.HttpClient} with a timeout, the venue's shared {@link RateLimiter}, bounded
 * retries (429 honours {@code Retry-After}, 5xx backs off), and every failure turned into a {@link VenueException}
 * naming the venue and the endpoint. Bodies come back as Jackson trees. An interrupt of the calling thread cancels
 * the request ({@link Kind#CANCELLED}).
 */
public final class VenueHttp {
    /** Default time to wait for an answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Attempts after a 429 or a 5xx, beyond the first. */
    static final int MAX_RETRIES = 3;
    /** A Retry-After longer than this is not waited for: the fetch fails with the wait in its message. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    /** Built on the first response: the desktop reads {@link #DEFAULT_TIMEOUT} at start-up without Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final Venue venue;
    private final URI base;
    private final Duration timeout;
    private final RateLimiter limiter;
    private final HttpClient client;

    public VenueHttp(Venue venue, String baseUrl, Duration timeout, RateLimiter limiter) {
        this.venue = venue;
        String b = baseUrl == null || baseUrl.isBlank() ? venue.defaultBaseUrl() : baseUrl.strip();
        while (b.endsWith("/")) {
            b = b.substring(0, b.length() - 1);
        }
        this.base = URI.create(b);
        this.timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        this.limiter = limiter == null ? RateLimiter.shared(venue) : limiter;
        this.client = HttpClient.newBuilder().connectTimeout(this.timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    public Venue venue() {
        return venue;
    }

    /** The same timeout and limiter against another host (Binance's key endpoints live on api.binance.com). */
    public VenueHttp withBase(String otherBase) {
        return new VenueHttp(venue, otherBase, timeout, limiter);
    }

    public Duration timeout() {
        return timeout;
    }

    public URI base() {
        return base;
    }

    /** Whether requests go to the venue's own host (not a --base-url mirror or test server). */
    public boolean isDefaultHost() {
        return base.toString().equals(venue.defaultBaseUrl());
    }

    /** GET {@code path?query} (query already encoded, exactly as signed), with extra headers. */
    public JsonNode get(String path, String query, int weight, Map<String, String> headers) throws VenueException {
        String endpoint = "GET " + path;
        URI uri = URI.create(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
        return send(endpoint, () -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("Accept", "application/json");
            headers.forEach(b::header);
            return b.build();
        }, weight);
    }

    /** POST a JSON body to {@code path} (Hyperliquid's /info). */
    public JsonNode post(String path, String label, String jsonBody, int weight) throws VenueException {
        String endpoint = "POST " + path + (label == null ? "" : " " + label);
        URI uri = URI.create(base + path);
        return send(endpoint, () -> HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8)).build(), weight);
    }

    private interface RequestFactory {
        HttpRequest build();
    }

    private JsonNode send(String endpoint, RequestFactory request, int weight) throws VenueException {
        for (int attempt = 0; ; attempt++) {
            try {
                limiter.acquire(weight);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled(endpoint);
            }
            HttpResponse<String> r = exchange(endpoint, request.build());
            int status = r.statusCode();
            if (status == 429 || status == 418) {
                Duration wait = retryAfter(r, attempt);
                if (wait.compareTo(MAX_RETRY_AFTER) > 0 || attempt >= MAX_RETRIES) {
                    throw new VenueException(venue, endpoint, null, Kind.RATE_LIMITED, "HTTP " + status
                            + ": too many requests; the venue asks to wait " + seconds(wait) + " s"
                            + (attempt > 0 ? " (after " + (attempt + 1) + " tries)" : ""));
                }
                limiter.pause(wait);
                continue;
            }
            if (status == 403 && venue == Venue.BYBIT) {
                throw new VenueException(venue, endpoint, null, Kind.RATE_LIMITED, "HTTP 403: Bybit answers 403 "
                        + "when its rate limit (600 requests per 5 s) is exceeded and then blocks the IP for at "
                        + "least 10 minutes");
            }
            if (status >= 500 && attempt < MAX_RETRIES - 1) {
                limiter.pause(backoff(attempt));
                continue;
            }
            if (status >= 400) {
                throw httpError(endpoint, status, r.body());
            }
            return parse(endpoint, r.body());
        }
    }

    private HttpResponse<String> exchange(String endpoint, HttpRequest req) throws VenueException {
        CompletableFuture<HttpResponse<String>> f = client.sendAsync(req,
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw cancelled(endpoint);
        } catch (CancellationException e) {
            throw cancelled(endpoint);
        } catch (ExecutionException e) {
            throw classify(venue, endpoint, e.getCause() == null ? e : e.getCause(), timeout, req.uri());
        }
    }

    /** A transport failure as a venue error: timeout, DNS, or no connection. */
    static VenueException classify(Venue venue, String endpoint, Throwable t, Duration timeout, URI uri) {
        Throwable c = t;
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof HttpTimeoutException) {
                return new VenueException(venue, endpoint, null, Kind.TIMEOUT, "no answer within "
                        + timeout.toMillis() + " ms (timeout)", null, t);
            }
            if (x instanceof UnresolvedAddressException || x instanceof UnknownHostException) {
                return new VenueException(venue, endpoint, null, Kind.DNS, "cannot resolve the host "
                        + uri.getHost() + " (DNS failure: offline?)", null, t);
            }
            c = x;
        }
        String what = c instanceof ConnectException ? "connection refused or unreachable" : c.getClass().getSimpleName()
                + (c.getMessage() == null ? "" : ": " + c.getMessage());
        return new VenueException(venue, endpoint, null, Kind.CONNECT, "cannot connect to " + uri.getHost()
                + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + " (" + what + ")", null, t);
    }

    private VenueException cancelled(String endpoint) {
        return new VenueException(venue, endpoint, null, Kind.CANCELLED, "cancelled");
    }

    private VenueException httpError(String endpoint, int status, String body) {
        String code = null;
        String msg = null;
        try {
            JsonNode n = Json.MAPPER.readTree(body == null ? "" : body);
            if (n != null && n.isObject()) {
                JsonNode c = n.has("code") ? n.get("code") : n.get("retCode");
                JsonNode m = n.has("msg") ? n.get("msg") : n.has("retMsg") ? n.get("retMsg") : n.get("error");
                if (m == null && n.path("errors").isArray() && n.path("errors").size() > 0) {
                    m = n.path("errors").get(0).path("msg");
                }
                code = c == null || c.isNull() ? null : c.asText();
                msg = m == null || m.isNull() || m.isMissingNode() ? null : m.asText();
            }
        } catch (IOException | RuntimeException e) {
            // not JSON: the status alone says it
        }
        String detail = "HTTP " + status + (msg != null ? ": " + msg : "") + (code != null ? " (code " + code + ")" : "");
        return new VenueException(venue, endpoint, null, Kind.HTTP, detail, code, null);
    }

    private JsonNode parse(String endpoint, String body) throws VenueException {
        try {
            JsonNode n = body == null || body.isBlank() ? null : Json.MAPPER.readTree(body);
            if (n == null || n.isMissingNode()) {
                throw new VenueException(venue, endpoint, null, Kind.NOT_JSON, "the body is empty, not JSON");
            }
            return n;
        } catch (JsonProcessingException e) {
            String head = body.strip();
            head = head.length() > 40 ? head.substring(0, 40) + "…" : head;
            throw new VenueException(venue, endpoint, null, Kind.NOT_JSON, "the body is not JSON: \""
                    + head.replaceAll("\\s+", " ") + "\"", null, e);
        }
    }

    /** The wait a 429 asks for: its Retry-After in seconds, else 1 s doubling per attempt (at most 16 s). */
    static Duration retryAfter(HttpResponse<?> r, int attempt) {
        String h = r.headers().firstValue("Retry-After").orElse(null);
        if (h != null) {
            try {
                double s = Double.parseDouble(h.strip());
                if (s >= 0 && Double.isFinite(s)) {
                    return Duration.ofMillis((long) Math.ceil(s * 1000));
                }
            } catch (NumberFormatException e) {
                // an HTTP date: fall back to the back-off
            }
        }
        return backoff(attempt).multipliedBy(2);
    }

    /** 0.5 s, 1 s, 2 s, … at most 8 s. */
    static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(8000L, 500L << Math.min(attempt, 4)));
    }

    private static String seconds(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? Long.toString(ms / 1000) : String.valueOf(ms / 1000.0);
    }
}
