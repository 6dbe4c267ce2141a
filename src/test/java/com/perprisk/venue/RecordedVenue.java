package com.perprisk.venue;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A venue's API recorded: the JDK's HttpServer on 127.0.0.1 serving the bodies in {@code src/test/resources/venue/}
 * (the example bodies of venue-apis.md, and edge cases in the same shapes). {@link #allVenues()} serves every
 * venue's endpoints on one port (their paths do not collide). Every request is recorded for the test to inspect.
 */
public final class RecordedVenue implements AutoCloseable {
    /** What the test server received. */
    public record Request(String method, String path, String query, Headers headers, String body) {
        public String param(String name) {
            if (query == null) {
                return null;
            }
            for (String kv : query.split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0 && kv.substring(0, eq).equals(name)) {
                    return java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    /** What it answers. */
    public record Reply(int status, String body, Map<String, String> headers, long delayMillis) {
        public static Reply ok(String body) {
            return new Reply(200, body, Map.of(), 0);
        }

        public static Reply status(int status, String body) {
            return new Reply(status, body, Map.of(), 0);
        }

        public Reply withHeader(String name, String value) {
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.put(name, value);
            return new Reply(status, body, h, delayMillis);
        }

        public Reply delayed(long millis) {
            return new Reply(status, body, headers, millis);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Request, Reply>> routes = new HashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    public RecordedVenue() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "recorded-venue");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    /** Every venue's standard recordings on one server. */
    public static RecordedVenue allVenues() {
        RecordedVenue v = new RecordedVenue();
        v.binance().bybit().okx().hyperliquid().dydx();
        return v;
    }

    public static String resource(String name) {
        try (InputStream in = RecordedVenue.class.getResourceAsStream("/venue/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Replaces the answer for a path (any method, any query). */
    public RecordedVenue route(String path, Function<Request, Reply> reply) {
        routes.put(path, reply);
        return this;
    }

    public RecordedVenue fixed(String path, String resource) {
        return route(path, r -> Reply.ok(resource(resource)));
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    public List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** An answer chosen by a query parameter, e.g. the symbol; unknown values get {@code otherwise}. */
    public static Function<Request, Reply> byParam(String name, Map<String, String> resources, Reply otherwise) {
        return r -> {
            String res = resources.get(r.param(name));
            return res == null ? otherwise : Reply.ok(resource(res));
        };
    }

    public RecordedVenue binance() {
        route("/fapi/v1/premiumIndex", byParam("symbol", Map.of("BTCUSDT", "binance-premiumIndex-BTCUSDT.json",
                "ETHUSDT", "binance-premiumIndex-ETHUSDT.json"),
                Reply.status(400, "{\"code\":-1121,\"msg\":\"Invalid symbol.\"}")));
        fixed("/fapi/v1/fundingInfo", "binance-fundingInfo.json");
        fixed("/fapi/v1/leverageBracket", "binance-leverageBracket-ETHUSDT.json");
        fixed("/fapi/v3/positionRisk", "binance-positionRisk.json");
        route("/sapi/v1/account/apiRestrictions", r -> Reply.ok("{\"ipRestrict\":false,\"createTime\":1698645219000,"
                + "\"enableReading\":true,\"enableWithdrawals\":false,\"enableInternalTransfer\":false,"
                + "\"enableMargin\":false,\"enableFutures\":false,\"permitsUniversalTransfer\":false,"
                + "\"enableVanillaOptions\":false,\"enableFixApiTrade\":false,\"enableFixReadOnly\":false,"
                + "\"enableSpotAndMarginTrading\":false,\"enablePortfolioMarginTrading\":false}"));
        return this;
    }

    public RecordedVenue bybit() {
        String unknown = "{\"retCode\":10001,\"retMsg\":\"params error: symbol invalid\",\"result\":{},"
                + "\"retExtInfo\":{},\"time\":1786336806394}";
        route("/v5/market/tickers", r -> switch (String.valueOf(r.param("symbol"))) {
            case "BTCUSDT" -> Reply.ok(resource("bybit-tickers-BTCUSDT.json"));
            case "ETHUSDT" -> Reply.ok(resource("bybit-tickers-old-ETHUSDT.json"));
            default -> Reply.ok(unknown);
        });
        fixed("/v5/market/instruments-info", "bybit-instruments-ETHUSDT.json");
        route("/v5/market/risk-limit", r -> "ETHUSDT".equals(r.param("symbol"))
                ? Reply.ok(resource("bybit-risk-limit-ETHUSDT.json"))
                : Reply.ok(resource("2".equals(r.param("cursor")) ? "bybit-risk-limit-page2.json"
                : "bybit-risk-limit-page1.json")));
        fixed("/v5/position/list", "bybit-position-list.json");
        fixed("/v5/user/query-api", "bybit-query-api-readonly.json");
        return this;
    }

    public RecordedVenue okx() {
        Reply none = Reply.ok("{\"code\":\"51001\",\"msg\":\"Instrument ID does not exist\",\"data\":[]}");
        route("/api/v5/public/instruments", byParam("instId", Map.of("BTC-USDT-SWAP",
                "okx-instruments-BTC-USDT-SWAP.json"), none));
        route("/api/v5/public/mark-price", byParam("instId", Map.of("BTC-USDT-SWAP",
                "okx-mark-price-BTC-USDT-SWAP.json"), none));
        route("/api/v5/market/index-tickers", byParam("instId", Map.of("BTC-USDT", "okx-index-tickers-BTC-USDT.json"),
                none));
        route("/api/v5/public/funding-rate", byParam("instId", Map.of("BTC-USDT-SWAP",
                "okx-funding-rate-BTC-USDT-SWAP.json"), none));
        route("/api/v5/public/position-tiers", byParam("instFamily", Map.of("BTC-USDT",
                "okx-position-tiers-BTC-USDT.json"), none));
        fixed("/api/v5/account/positions", "okx-positions.json");
        fixed("/api/v5/account/config", "okx-config-readonly.json");
        return this;
    }

    public RecordedVenue hyperliquid() {
        route("/info", r -> {
            if (!"POST".equals(r.method())) {
                return Reply.status(405, "");
            }
            if (r.body().contains("\"metaAndAssetCtxs\"")) {
                return Reply.ok(resource("hyperliquid-metaAndAssetCtxs.json"));
            }
            if (r.body().contains("\"clearinghouseState\"")) {
                return Reply.ok(resource("hyperliquid-clearinghouseState.json"));
            }
            return Reply.status(422, "Failed to deserialize the JSON body");
        });
        return this;
    }

    public RecordedVenue dydx() {
        route("/v4/perpetualMarkets", byParam("ticker", Map.of("BTC-USD", "dydx-perpetualMarkets-BTC-USD.json",
                "SOL-USD", "dydx-perpetualMarkets-SOL-USD.json"), Reply.ok("{\"markets\":{}}")));
        route("/v4/addresses/dydx1n88uc38xhjgxzw9nwre4ep2c8ga4fjxcar6mn7/subaccountNumber/0",
                r -> Reply.ok(resource("dydx-subaccount.json")));
        return this;
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Request req = new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(),
                ex.getRequestURI().getRawQuery(), ex.getRequestHeaders(), body);
        requests.add(req);
        Function<Request, Reply> route = routes.get(req.path());
        Reply reply = route == null ? Reply.status(404, "{\"error\":\"no such endpoint\"}") : route.apply(req);
        if (reply.delayMillis() > 0) {
            try {
                Thread.sleep(reply.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        if (!ex.getResponseHeaders().containsKey("Content-Type")) {
            ex.getResponseHeaders().add("Content-Type", "application/json");
        }
        try {
            ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client went away (timeout, cancel)
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
