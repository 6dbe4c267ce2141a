package com.perprisk.io;

import com.perprisk.engine.Contract;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workspace format version 2: the contract block and coin wallets, and how version 1 stays as it was. */
class WorkspaceV2Test {
    static final String TIERS = "[{\"floor\": 0, \"cap\": 5, \"maxLeverage\": 125, \"mmr\": 0.004},"
            + " {\"floor\": 5, \"maxLeverage\": 50, \"mmr\": 0.01}]";

    static String v2(String account, String contract, String positionExtra) {
        return "{\"format\": \"perprisk-workspace\", \"version\": 2, \"name\": \"c\", \"account\": " + account
                + ", \"markets\": [{\"symbol\": \"BTCUSD_PERP\", \"convention\": \"BINANCE_COINM\", " + contract
                + "\"markPrice\": 60000, \"tiers\": " + TIERS + "}], \"positions\": [{\"id\": \"c1\", \"symbol\":"
                + " \"BTCUSD_PERP\", \"side\": \"LONG\", \"size\": 300, \"entryPrice\": 58000, \"leverage\": 20,"
                + " \"marginMode\": \"CROSS\"" + positionExtra + "}]}";
    }

    static final String ACCOUNT = "{\"walletBalance\": 30000, \"coinWallets\": {\"BTC\": 1.5, \"ETH\": 20},"
            + " \"positionMode\": \"ONE_WAY\"}";
    static final String CONTRACT = "\"contract\": {\"type\": \"INVERSE\", \"contractSize\": 100, \"settleAsset\":"
            + " \"BTC\"}, ";

    static MappingResult map(String json) throws Exception {
        return WorkspaceMapper.toPortfolio(WorkspaceCodec.read(json));
    }

    @Test
    void theIssuesExampleReadsAsAnInverseMarketWithCoinWallets() throws Exception {
        MappingResult r = map(v2(ACCOUNT, CONTRACT, ""));
        assertFalse(r.hasErrors(), r.problems().toString());
        Portfolio pf = r.portfolio();
        Market m = pf.markets().get(0);
        assertTrue(m.isInverse());
        assertEquals(Contract.inverse(100, "BTC"), m.contract());
        assertEquals("BTC", m.marginAsset());
        assertEquals(1.5, pf.account().coinWallet("BTC"));
        assertEquals(20, pf.account().coinWallet("ETH"));
        assertEquals(30000, pf.account().walletBalance());
        assertEquals(List.of("BTC", "ETH"), List.copyOf(pf.account().coinWallets().keySet()));
    }

    @Test
    void anInverseWorkspaceSavesAsVersion2AndRoundTrips() throws Exception {
        WorkspaceDocument doc = WorkspaceCodec.read(v2(ACCOUNT, CONTRACT, ""));
        String json = WorkspaceCodec.toJson(doc);
        assertTrue(json.contains("\"version\": 2"), json);
        assertTrue(json.contains("\"contract\": {"), json);
        assertTrue(json.contains("\"coinWallets\": {"), json);
        assertEquals(doc, WorkspaceCodec.read(json));
        // and from the engine's portfolio back to a document
        Portfolio pf = WorkspaceMapper.toPortfolio(doc).portfolio();
        WorkspaceDocument back = WorkspaceMapper.toDocument(pf, "c");
        assertEquals(2, back.version());
        assertEquals(pf, WorkspaceMapper.toPortfolio(WorkspaceCodec.read(WorkspaceCodec.toJson(back))).portfolio());
    }

    @Test
    void aLinearWorkspaceStillSavesAsVersion1() throws Exception {
        WorkspaceDocument demo = Samples.demo();
        assertEquals(1, demo.version());
        assertTrue(WorkspaceCodec.toJson(demo).contains("\"version\": 1"));
        // a v2 file without inverse fields is a version 1 workspace
        String plain = v2("{\"walletBalance\": 1, \"positionMode\": \"ONE_WAY\"}", "", "")
                .replace("BINANCE_COINM", "BINANCE");
        assertEquals(1, WorkspaceCodec.read(plain).version());
    }

    @Test
    void aLinearContractBlockOfSizeOneIsTheSameAsNone() throws Exception {
        String account = "{\"walletBalance\": 1000, \"positionMode\": \"ONE_WAY\"}";
        String none = v2(account, "", "").replace("BINANCE_COINM", "BINANCE");
        String linear = v2(account, "\"contract\": {\"type\": \"LINEAR\", \"contractSize\": 1}, ", "")
                .replace("BINANCE_COINM", "BINANCE");
        MappingResult a = map(none);
        MappingResult b = map(linear);
        assertFalse(b.hasErrors(), b.problems().toString());
        assertEquals(a.portfolio(), b.portfolio());
        assertEquals(1, WorkspaceCodec.read(linear).version());
        assertFalse(WorkspaceCodec.toJson(WorkspaceCodec.read(linear)).contains("contract"));
        MappingResult two = map(v2(account, "\"contract\": {\"type\": \"LINEAR\", \"contractSize\": 2}, ", "")
                .replace("BINANCE_COINM", "BINANCE"));
        assertTrue(two.problemsAt("markets[0].contract.contractSize").get(0).message().contains("must be 1"),
                two.problems().toString());
    }

    @Test
    void anOldReaderRefusesVersion2WithItsNewerVersionMessage() throws Exception {
        // the version 1 reader's check, as it runs in a PerpRisk that reads version 1 only
        JsonObject root = JsonObject.of(JsonTree.parse(v2(ACCOUNT, CONTRACT, "")), "", WorkspaceCodec.ROOT_FIELDS);
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> DocumentPreamble.checkFormatAndVersion(root,
                WorkspaceDocument.FORMAT, "workspace", WorkspaceDocument.LINEAR_VERSION));
        assertEquals(WorkspaceException.Kind.VERSION, e.kind());
        assertTrue(e.getMessage().endsWith("this workspace was written by a newer PerpRisk (format version 2); this"
                + " version reads version 1"), e.getMessage());
    }

    @Test
    void inVersion1TheNewNamesAreUnknownFieldsAsBefore() throws Exception {
        String v1 = v2(ACCOUNT, CONTRACT, "").replace("\"version\": 2", "\"version\": 1");
        WorkspaceDocument doc = WorkspaceCodec.read(v1);
        assertNull(doc.markets().get(0).contract());
        assertTrue(doc.markets().get(0).extra().containsKey("contract"));
        assertNull(doc.account().coinWallets());
        MappingResult r = map(v1);
        // BINANCE_COINM without a contract block: the v1 file cannot mean an inverse market
        assertTrue(r.problemsAt("markets[0].contract").stream().anyMatch(p -> p.message().contains("version")),
                r.problems().toString());
        // kept and written back as unknown fields, still version 1
        String json = WorkspaceCodec.toJson(doc);
        assertTrue(json.contains("\"version\": 1"), json);
        assertTrue(json.contains("\"contract\""), json);
    }

    @Test
    void fieldErrorsNameTheField() throws Exception {
        MappingResult frac = map(v2(ACCOUNT, CONTRACT, "").replace("\"size\": 300", "\"size\": 300.5"));
        assertTrue(frac.problemsAt("positions[0].size").get(0).message().contains("whole number of contracts"));
        MappingResult noWallet = map(v2("{\"walletBalance\": 1, \"coinWallets\": {\"ETH\": 2}, \"positionMode\":"
                + " \"ONE_WAY\"}", CONTRACT, ""));
        assertFalse(noWallet.problemsAt("account.coinWallets.BTC").isEmpty(), noWallet.problems().toString());
        MappingResult size = map(v2(ACCOUNT, CONTRACT.replace("100", "-5"), ""));
        assertFalse(size.problemsAt("markets[0].contract.contractSize").isEmpty(), size.problems().toString());
        MappingResult asset = map(v2(ACCOUNT, CONTRACT.replace(", \"settleAsset\": \"BTC\"", ""), ""));
        assertFalse(asset.problemsAt("markets[0].contract.settleAsset").isEmpty(), asset.problems().toString());
        MappingResult type = map(v2(ACCOUNT, CONTRACT.replace("INVERSE", "QUANTO"), ""));
        assertTrue(type.problemsAt("markets[0].contract.type").get(0).message().contains("allowed: LINEAR, INVERSE"));
        MappingResult noBlock = map(v2(ACCOUNT, "", ""));
        assertFalse(noBlock.problemsAt("markets[0].contract").isEmpty(), noBlock.problems().toString());
        MappingResult isolatedNoWallet = map(v2("{\"walletBalance\": 1, \"positionMode\": \"ONE_WAY\"}", CONTRACT,
                "").replace("\"CROSS\"", "\"ISOLATED\""));
        assertFalse(isolatedNoWallet.hasErrors(), isolatedNoWallet.problems().toString()); // its margin is its own
    }

    @Test
    void tierCapsInTheMillionsAreWarnedAboutForCoinNotional() throws Exception {
        String usdtCaps = "[{\"floor\": 0, \"cap\": 50000, \"maxLeverage\": 125, \"mmr\": 0.004},"
                + " {\"floor\": 50000, \"cap\": 5000000, \"maxLeverage\": 50, \"mmr\": 0.01}]";
        MappingResult r = map(v2(ACCOUNT, CONTRACT, "").replace(TIERS, usdtCaps));
        assertFalse(r.hasErrors(), r.problems().toString());
        assertTrue(r.problemsAt("markets[0].tiers[0].cap").get(0).message().contains("coin notional"),
                r.problems().toString());
        assertNotNull(r.portfolio());
        assertTrue(map(v2(ACCOUNT, CONTRACT, "")).warnings().isEmpty());
    }
}
