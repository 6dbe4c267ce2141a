package com.perprisk.venue;

import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each venue's recorded answers through the real client: parsing, units, funding interval, tiers. */
class VenueClientsTest {
    static final Instant NOW = Instant.parse("2026-12-01T09:30:12.345Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private final RecordedVenue server = RecordedVenue.allVenues();

    @AfterEach
    void stop() {
        server.close();
    }

    static VenueClient client(RecordedVenue server, Venue venue, ApiKey key) {
        VenueHttp http = new VenueHttp(venue, server.baseUrl(), Duration.ofSeconds(5),
                new RateLimiter(10_000, Duration.ofSeconds(1), System::nanoTime, RateLimiter::sleepNanos));
        return VenueClient.of(http, key, CLOCK);
    }

    private VenueClient client(Venue venue) {
        return client(server, venue, null);
    }

    private static void tier(TierDoc t, double floor, Double cap, double lev, Double mmr, Double amount) {
        assertEquals(floor, t.floor(), 1e-9 * Math.max(1, floor), "floor");
        if (cap == null) {
            assertNull(t.cap(), "open cap");
        } else {
            assertEquals(cap, t.cap(), 1e-9 * cap, "cap");
        }
        assertEquals(lev, t.maxLeverage(), 1e-12, "maxLeverage");
        if (mmr == null) {
            assertNull(t.mmr(), "mmr derived by the convention");
        } else {
            assertEquals(mmr, t.mmr(), 1e-15, "mmr");
        }
        if (amount == null) {
            assertNull(t.maintenanceAmount());
        } else {
            assertEquals(amount, t.maintenanceAmount(), 1e-6, "maintenanceAmount");
        }
    }

    @Test
    void binanceWithoutKeyUsesTheNewestPresetAndSaysSo() throws Exception {
        MarketDoc m = client(Venue.BINANCE).fetchMarket("BTCUSDT");
        assertEquals("BTCUSDT", m.symbol());
        assertEquals("BINANCE", m.convention());
        assertEquals(11793.63104562, m.markPrice());
        assertEquals(11781.80495970, m.indexPrice());
        assertEquals(0.00038246, m.funding().rate());
        assertEquals(8.0, m.funding().intervalHours(), "BTCUSDT is not in fundingInfo: 8 h");
        assertEquals("2020-08-14T08:00:00Z", m.extra().get("nextFundingTime"));
        assertEquals("2026-12-01T09:30:12.345Z", m.extra().get("asOf"));
        assertEquals("2024-10-24", m.extra().get("tiersAsOf"));
        String source = (String) m.extra().get("source");
        assertTrue(source.startsWith("binance " + server.baseUrl()), source);
        assertTrue(source.contains("GET /fapi/v1/premiumIndex"), source);
        assertTrue(source.contains("bundled preset binance-btcusdt-2024-10-24"), source);
        tier(m.tiers().get(0), 0, 50000.0, 125, 0.004, 0.0);
        tier(m.tiers().get(1), 50000, 600000.0, 100, 0.005, 50.0);
        assertTrue(server.requests("/fapi/v1/leverageBracket").isEmpty(), "no signed call without a key");
    }

    @Test
    void binanceWithKeyFetchesTheSignedBracketsAndTheAdjustedInterval() throws Exception {
        ApiKey key = new ApiKey("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", null);
        MarketDoc m = client(server, Venue.BINANCE, key).fetchMarket("ETHUSDT");
        assertEquals(4.0, m.funding().intervalHours(), "fundingInfo lists ETHUSDT at 4 h");
        assertEquals(-0.00012, m.funding().rate());
        assertFalse(m.extra().containsKey("tiersAsOf"));
        assertEquals(3, m.tiers().size());
        tier(m.tiers().get(0), 0, 10000.0, 75, 0.0065, 0.0);
        tier(m.tiers().get(1), 10000, 100000.0, 50, 0.01, 35.0);
        tier(m.tiers().get(2), 100000, 500000.0, 25, 0.02, 1035.0);
        RecordedVenue.Request r = server.requests("/fapi/v1/leverageBracket").get(0);
        assertEquals(key.key(), r.headers().getFirst("X-MBX-APIKEY"));
        String q = r.query();
        String unsigned = q.substring(0, q.indexOf("&signature="));
        assertEquals("symbol=ETHUSDT&recvWindow=5000&timestamp=" + NOW.toEpochMilli(), unsigned);
        assertEquals(Signing.binance(key.secret(), unsigned), r.param("signature"));
    }

    @Test
    void bybitTiersGetTheLowestDeductionFromTheRecursionAcrossPages() throws Exception {
        MarketDoc m = client(Venue.BYBIT).fetchMarket("BTCUSDT");
        assertEquals(64970.71, m.markPrice());
        assertEquals(64999.51, m.indexPrice());
        assertEquals(0.00005399, m.funding().rate());
        assertEquals(8.0, m.funding().intervalHours());
        assertEquals(Instant.ofEpochMilli(1786348800000L).toString(), m.extra().get("nextFundingTime"));
        assertEquals(3, m.tiers().size(), "two pages of risk-limit rows");
        tier(m.tiers().get(0), 0, 2_000_000.0, 100, 0.005, 0.0);
        // d2 = d1 + cap1 × (mmr2 − mmr1) = 0 + 2,000,000 × 0.0006
        tier(m.tiers().get(1), 2_000_000, 2_600_000.0, 90, 0.0056, 1200.0);
        tier(m.tiers().get(2), 2_600_000, 3_200_000.0, 80, 0.0062, 2760.0);
        assertEquals(2, server.requests("/v5/market/risk-limit").size());
        assertTrue(server.requests("/v5/market/instruments-info").isEmpty(), "fundingIntervalHour was given");
    }

    @Test
    void bybitWithoutFundingIntervalHourReadsTheInstrumentsMinutes() throws Exception {
        MarketDoc m = client(Venue.BYBIT).fetchMarket("ETHUSDT");
        assertEquals(4.0, m.funding().intervalHours(), "fundingInterval 240 minutes");
        assertEquals(1, server.requests("/v5/market/instruments-info").size());
    }

    @Test
    void okxTiersInContractsBecomeNotionalAndTheIntervalIsTheDifferenceOfTimes() throws Exception {
        MarketDoc m = client(Venue.OKX).fetchMarket("BTC-USDT-SWAP");
        assertEquals("OKX", m.convention());
        assertEquals(84660.1, m.markPrice());
        assertEquals(84652.3, m.indexPrice());
        assertEquals(0.0000792386885340, m.funding().rate());
        assertEquals(4.0, m.funding().intervalHours(), "1744632000000 − 1744617600000 = 4 h");
        assertEquals(Instant.ofEpochMilli(1744617600000L).toString(), m.extra().get("nextFundingTime"));
        double perContract = 0.01 * 84660.1;
        tier(m.tiers().get(0), 0, 2000 * perContract, 75, 0.01, null);
        tier(m.tiers().get(1), 2000 * perContract, 4000 * perContract, 50, 0.015, null);
        assertEquals("BTC-USDT", server.requests("/api/v5/public/position-tiers").get(0).param("instFamily"));
        assertEquals("BTC-USDT", server.requests("/api/v5/market/index-tickers").get(0).param("instId"));
    }

    @Test
    void hyperliquidMarginTableByIdAndHourlyFunding() throws Exception {
        MarketDoc m = client(Venue.HYPERLIQUID).fetchMarket("BTC");
        assertEquals(91250.0, m.markPrice());
        assertEquals(91234.0, m.indexPrice(), "oracle");
        assertEquals(0.0000125, m.funding().rate());
        assertEquals(1.0, m.funding().intervalHours());
        assertEquals("2026-12-01T10:00:00Z", m.extra().get("nextFundingTime"));
        // table 56: MMR 1/(2×40), 1/(2×20); deduction(1) = 150,000,000 × (0.025 − 0.0125)
        tier(m.tiers().get(0), 0, 150_000_000.0, 40, null, 0.0);
        tier(m.tiers().get(1), 150_000_000, null, 20, null, 1_875_000.0);
        RecordedVenue.Request r = server.requests("/info").get(0);
        assertEquals("POST", r.method());
        assertEquals("{\"type\":\"metaAndAssetCtxs\"}", r.body());
    }

    @Test
    void hyperliquidTableIdBelowFiftyIsOneTierAtThatLeverage() throws Exception {
        MarketDoc m = client(Venue.HYPERLIQUID).fetchMarket("ATOM");
        assertEquals(1, m.tiers().size());
        tier(m.tiers().get(0), 0, null, 5, null, 0.0);
        assertEquals(4.513, m.markPrice());
    }

    @Test
    void dydxMarginFractionsAndOpenInterestCaps() throws Exception {
        MarketDoc m = client(Venue.DYDX).fetchMarket("BTC-USD");
        assertEquals("DYDX", m.convention());
        assertEquals(89919.2, m.markPrice(), "dYdX has no separate mark: the oracle");
        assertEquals(89919.2, m.indexPrice());
        assertEquals(0.00000254545454545455, m.funding().rate());
        assertEquals(1.0, m.funding().intervalHours());
        assertNull(m.tiers());
        assertEquals(0.02, m.dydx().initialMarginFraction());
        assertEquals(0.6, m.dydx().maintenanceFraction(), "0.012 / 0.02");
        assertEquals(381.7348 * 89919.2, m.dydx().openInterestNotional(), 1e-6);
        assertEquals(0.0, m.dydx().oiUpperCap());
        MarketDoc sol = client(Venue.DYDX).fetchMarket("SOL-USD");
        assertEquals(0.6, sol.dydx().maintenanceFraction(), "0.03 / 0.05");
        assertEquals(40_000_000.0, sol.dydx().oiLowerCap());
        assertEquals(100_000_000.0, sol.dydx().oiUpperCap());
    }

    @Test
    void hyperliquidPositionsByAddressKeepTheVenuesLiquidationPrice() throws Exception {
        List<PositionDoc> ps = client(Venue.HYPERLIQUID).positions("0x" + "ab".repeat(20));
        assertEquals(2, ps.size());
        PositionDoc btc = ps.get(0);
        assertEquals("hyperliquid-BTC", btc.id());
        assertEquals("BTC", btc.symbol());
        assertEquals("LONG", btc.side());
        assertEquals(0.5, btc.size());
        assertEquals(90000.0, btc.entryPrice());
        assertEquals(20.0, btc.leverage());
        assertEquals("CROSS", btc.marginMode());
        assertNull(btc.isolatedMargin());
        assertEquals(72345.6, btc.extra().get("venueLiquidationPrice"));
        assertEquals("hyperliquid", btc.extra().get("venue"));
        PositionDoc eth = ps.get(1);
        assertEquals("SHORT", eth.side());
        assertEquals(4.0, eth.size());
        assertEquals("ISOLATED", eth.marginMode());
        assertEquals(1240.0, eth.isolatedMargin());
        assertTrue(server.requests("/info").get(0).body().contains("\"user\":\"0x" + "ab".repeat(20) + "\""));
    }

    @Test
    void dydxPositionsBySubaccountHaveNoVenueLiquidationPrice() throws Exception {
        List<PositionDoc> ps = client(Venue.DYDX).positions("dydx1n88uc38xhjgxzw9nwre4ep2c8ga4fjxcar6mn7");
        assertEquals(2, ps.size());
        assertEquals("BTC-USD", ps.get(0).symbol());
        assertEquals("LONG", ps.get(0).side());
        assertEquals(0.2, ps.get(0).size());
        assertEquals("SOL-USD", ps.get(1).symbol());
        assertEquals("SHORT", ps.get(1).side());
        assertEquals(10.0, ps.get(1).size());
        // account leverage: (0.2 × 88,000 + 10 × 150) / 10,000.5
        assertEquals(1.91, ps.get(0).leverage());
        assertFalse(ps.get(0).extra().containsKey("venueLiquidationPrice"));
    }
}
