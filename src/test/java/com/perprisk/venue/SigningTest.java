package com.perprisk.venue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Each venue's signature on the example its documentation gives. Binance publishes the resulting signature; Bybit
 * and OKX publish the string to sign but not the result, so that result was computed independently with
 * {@code openssl dgst -sha256 -hmac} (and {@code -binary | base64} for OKX).
 */
class SigningTest {
    @Test
    void binanceDocumentedExample() {
        // Binance "SIGNED Endpoint Examples": HMAC-SHA256 of the query string with the example secret
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559";
        assertEquals("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
                Signing.binance(secret, query));
    }

    @Test
    void bybitDocumentedStringToSign() {
        // Bybit v5 guide: timestamp + api_key + recv_window + queryString, with its example values
        assertEquals("37813c67fafb3017e92354eb88f218e7e52a98f9f5eb74cfcf0b21f17edb143b",
                Signing.bybit("YYYYYYYYYY", "1658384314791", "XXXXXXXXXX", "5000",
                        "category=option&symbol=BTC-29JUL22-25000-C"));
    }

    @Test
    void okxDocumentedPrehash() {
        // OKX v5 "REST Authentication": timestamp + method + requestPath + body, base64 of HMAC-SHA256
        assertEquals("HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=",
                Signing.okx("22582BD0CFF14C41EDBF1AB98506286D", "2020-12-08T09:08:57.715Z", "GET",
                        "/api/v5/account/balance?ccy=BTC", ""));
    }

    @Test
    void aKeyNeverPrintsItsSecret() {
        ApiKey k = new ApiKey("abcdefgh", "topsecret", "pass");
        assertFalse(k.toString().contains("topsecret"));
        assertFalse(k.toString().contains("efgh"));
        assertFalse(k.toString().contains("pass"));
    }
}
