package com.perprisk.venue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/** HMAC-SHA256 request signatures as the venues document them. */
public final class Signing {
    private Signing() {
    }

    /** HMAC-SHA256 of the message with the secret. */
    static byte[] hmacSha256(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Binance: lower-case hex HMAC-SHA256 of the query string (the {@code signature} parameter). */
    public static String binance(String secret, String queryString) {
        return HexFormat.of().formatHex(hmacSha256(secret, queryString));
    }

    /** Bybit v5 GET: lower-case hex HMAC-SHA256 of timestamp + api key + recvWindow + query string. */
    public static String bybit(String secret, String timestamp, String apiKey, String recvWindow, String query) {
        return HexFormat.of().formatHex(hmacSha256(secret, timestamp + apiKey + recvWindow + query));
    }

    /** OKX v5: base64 HMAC-SHA256 of ISO timestamp + method + request path (with query) + body. */
    public static String okx(String secret, String isoTimestamp, String method, String requestPath, String body) {
        return Base64.getEncoder().encodeToString(hmacSha256(secret, isoTimestamp + method + requestPath
                + (body == null ? "" : body)));
    }
}
