package com.perprisk.io;

import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierIssue;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetCatalogTest {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Test
    void indexListsEveryPresetAndEachLoadsAndResolvesCleanly() throws Exception {
        List<PresetCatalog.PresetInfo> all = PresetCatalog.list();
        assertTrue(all.size() >= 12, all.toString());
        assertEquals(all.size(), all.stream().map(PresetCatalog.PresetInfo::id).collect(Collectors.toSet()).size());
        for (PresetCatalog.PresetInfo info : all) {
            Preset p = PresetCatalog.load(info.id());
            assertEquals(info.id(), p.id());
            assertEquals(info.convention(), p.convention());
            assertEquals(info.illustrative(), p.illustrative());
            assertTrue(DATE.matcher(p.asOf()).matches(), p.asOf());
            assertNotNull(p.source());
            assertFalse(p.source().isBlank());
            TierTable t = p.tierTable();
            List<TierIssue> issues = t.issues();
            assertEquals(List.of(), issues, info.id());
            if (p.illustrative()) {
                assertTrue(p.source().startsWith("ILLUSTRATIVE"), p.source());
            }
            if (p.conventionValue() == Convention.DYDX) {
                assertNull(p.tiers());
                assertNotNull(p.dydx());
            } else {
                assertNotNull(p.tiers());
            }
        }
        Set<String> illustrative = all.stream().filter(PresetCatalog.PresetInfo::illustrative)
                .map(PresetCatalog.PresetInfo::convention).collect(Collectors.toSet());
        assertEquals(Set.of("BYBIT", "OKX", "BINANCE_COINM", "BYBIT_INVERSE"), illustrative);
    }

    @Test
    void coinMarginedPresetsCarryTheirContractAndMatchBinancesFaq() throws Exception {
        Preset btc = PresetCatalog.load("binance-coinm-btcusd-perp-2021-07-27");
        assertTrue(btc.isInverse());
        assertEquals(100, btc.contract().contractSize());
        assertEquals("BTC", btc.contract().settleAsset());
        assertFalse(btc.illustrative());
        TierTable t = btc.tierTable();
        assertEquals(10, t.size());
        // Binance's COIN-M liquidation FAQ: a BTCUSD position of 300 BTC has MMR 12.5% and amount 11.605 BTC
        assertEquals(0.125, t.bracketOf(300).mmr());
        assertEquals(11.605, t.bracketOf(300).maintenanceAmount(), 1e-12);
        // and 100 contracts at a mark of 25,000: 0.4 BTC of notional, MM 0.0016 BTC
        double notional = 100 * 100 / 25_000.0;
        assertEquals(0.0016, notional * t.bracketOf(notional).mmr() - t.bracketOf(notional).maintenanceAmount(),
                1e-15);
        assertEquals(5, t.tier(0).cap());
        assertEquals(125, t.maxLeverage(4));
        assertEquals(1, t.maxLeverage(2_000));
        Preset eth = PresetCatalog.load("binance-coinm-ethusd-perp-2020-06-11");
        assertEquals(10, eth.contract().contractSize());
        assertEquals("ETH", eth.contract().settleAsset());
        assertEquals(0.0065, eth.tierTable().bracketOf(200).mmr());
        Preset bybit = PresetCatalog.load("bybit-btcusd-inverse-illustrative");
        assertEquals(1, bybit.contract().contractSize());
        // Bybit's inverse risk-limit API example: tier 1 up to 150 BTC, MM 0.5%, IM 1% (100x)
        assertEquals(150, bybit.tierTable().tier(0).cap());
        assertEquals(0.005, bybit.tierTable().tier(0).mmr());
        assertEquals(100, bybit.tierTable().tier(0).maxLeverage());
        assertEquals(List.of("binance-coinm-btcusd-perp-2021-07-27", "binance-coinm-ethusd-perp-2020-06-11"),
                PresetCatalog.list(Convention.BINANCE_COINM).stream().map(PresetCatalog.PresetInfo::id).toList());
    }

    @Test
    void aPresetWithAContractIsWrittenAsVersion2AndALinearOneStaysVersion1() throws Exception {
        String inverse = PresetCatalog.toJson(PresetCatalog.load("bybit-btcusd-inverse-illustrative"));
        assertTrue(inverse.contains("\"version\" : 2") || inverse.contains("\"version\": 2"), inverse);
        assertTrue(inverse.contains("\"settleAsset\""), inverse);
        String linear = PresetCatalog.toJson(PresetCatalog.load("binance-btcusdt-2021"));
        assertTrue(linear.contains("\"version\" : 1") || linear.contains("\"version\": 1"), linear);
        assertFalse(linear.contains("contract"), linear);
        // a version 1 preset has no contract block: the name is an unknown field there, not read
        Preset v1 = PresetCatalog.parse(linear.replace("\"illustrative\"", "\"contract\": {\"type\": "
                + "\"INVERSE\", \"contractSize\": 100, \"settleAsset\": \"BTC\"}, \"illustrative\""));
        assertNull(v1.contract());
    }

    @Test
    void binance2021MatchesTheFaqChecks() throws Exception {
        TierTable btc = PresetCatalog.load("binance-btcusdt-2021").tierTable();
        assertEquals(0.01, btc.bracketOf(264_000).mmr());
        assertEquals(1_300, btc.tier(2).maintenanceAmount());
        // the FAQ example's brackets at the liquidation prices
        assertEquals(0.025, btc.bracketOf(109.488 * 26_316.89).mmr());
        assertEquals(16_300, btc.bracketOf(109.488 * 26_316.89).maintenanceAmount());
        TierTable eth = PresetCatalog.load("binance-ethusdt-2021").tierTable();
        assertEquals(0.10, eth.bracketOf(3_683.979 * 1_153.26).mmr());
        assertEquals(135_365, eth.bracketOf(3_683.979 * 1_153.26).maintenanceAmount());
        assertEquals(4, eth.maxLeverage(3_683.979 * 1_456.84));
    }

    @Test
    void binance2024AndHyperliquidDeductions() throws Exception {
        TierTable btc = PresetCatalog.load("binance-btcusdt-2024-10-24").tierTable();
        assertEquals(12, btc.size());
        assertEquals(421_481_450, btc.tier(11).maintenanceAmount());
        TierTable eth = PresetCatalog.load("binance-ethusdt-2024-10-24").tierTable();
        assertEquals(4, eth.size(), "ETHUSDT shipped only as far as confirmed (12M)");
        assertEquals(12_000_000, eth.maxNotional());
        for (int i = 0; i < 4; i++) {
            assertEquals(btc.tier(i), eth.tier(i));
        }
        TierTable hl = PresetCatalog.load("hyperliquid-btc").tierTable();
        assertEquals(1_875_000, hl.tier(1).maintenanceAmount(), 1e-6);
        assertEquals(0.0125, hl.tier(0).mmr(), 1e-15);
        Preset dydx = PresetCatalog.load("dydx-large-cap");
        assertEquals(0.03, dydx.tierTable().tier(0).mmr(), 1e-15);
        assertEquals(20, dydx.tierTable().tier(0).maxLeverage(), 1e-12);
    }

    @Test
    void listByConventionAndUnknownId() throws Exception {
        assertEquals(3, PresetCatalog.list(Convention.HYPERLIQUID).size());
        assertEquals(4, PresetCatalog.list(Convention.BINANCE).size());
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> PresetCatalog.load("nope"));
        assertTrue(e.getMessage().contains("nope"));
        assertEquals(List.of(), PresetCatalog.tierDocs("dydx-mid-cap"));
        assertEquals(12, PresetCatalog.tierSpecs("binance-btcusdt-2024-10-24").size());
    }

    @Test
    void bundledPresetFilesAreWrittenBackByteForByte() throws Exception {
        for (PresetCatalog.PresetInfo info : PresetCatalog.list()) {
            String original = new String(PresetCatalog.resource("/presets/" + info.file()),
                    java.nio.charset.StandardCharsets.UTF_8);
            Preset p = PresetCatalog.parse(original);
            assertEquals(original, PresetCatalog.toJson(p), info.id());
            assertEquals(p, PresetCatalog.parse(PresetCatalog.toJson(p)));
        }
    }

    @Test
    void parseChecksFormatVersionAndConvention() {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> PresetCatalog.parse(
                "{\"format\": \"perprisk-tier-preset\", \"version\": 3, \"id\": \"x\"}"));
        assertEquals(WorkspaceException.Kind.VERSION, e.kind());
        assertTrue(e.getMessage().contains("newer PerpRisk (format version 3)"), e.getMessage());
        e = assertThrows(WorkspaceException.class, () -> PresetCatalog.parse(
                "{\"format\": \"perprisk-workspace\", \"version\": 1}"));
        assertEquals(WorkspaceException.Kind.FORMAT, e.kind());
        e = assertThrows(WorkspaceException.class, () -> PresetCatalog.parse(
                "{\"format\": \"perprisk-tier-preset\", \"version\": 1, \"id\": \"x\", \"convention\": \"FTX\","
                        + " \"tiers\": []}"));
        assertTrue(e.getMessage().contains("unknown convention \"FTX\""), e.getMessage());
    }
}
