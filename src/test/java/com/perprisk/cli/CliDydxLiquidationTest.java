package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perprisk.engine.dydx.DydxLiquidation;
import com.perprisk.io.MappingResult;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dYdX v4's liquidation cases through {@code calc}: fillablePrice, the liquidation block, the shared bankruptcy. */
class CliDydxLiquidationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String workspace(double wallet, String liquidation, String positions, String extraMarket) {
        return """
                {"format": "perprisk-workspace", "version": 1,
                 "account": {"walletBalance": %s, "positionMode": "ONE_WAY"},
                 "markets": [{"symbol": "BTC-USD", "convention": "DYDX", "markPrice": 50000, "indexPrice": 50000,
                              "dydx": {"initialMarginFraction": 0.2, "maintenanceFraction": 0.5%s}}%s],
                 "positions": [%s]}""".formatted(wallet, liquidation, extraMarket, positions);
    }

    private static final String BTC_LONG = "{\"id\": \"btc\", \"symbol\": \"BTC-USD\", \"side\": \"LONG\", \"size\": 0.1,"
            + " \"entryPrice\": 50000, \"leverage\": 5, \"marginMode\": \"CROSS\"}";

    private static Object[] calc(String doc) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[]{"calc", "-", "--explain"},
                new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String o = out.toString(StandardCharsets.UTF_8);
        return new Object[]{status, status == 0 ? JSON.readTree(o) : null, err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void fillablePriceWithTheDefaultsAndWithALiquidationBlock() throws Exception {
        // 0.1 BTC long at 50,000, TNC 499 against TMMR 500 (dYdX's "slightly below maintenance" case): 49,999
        Object[] r = calc(workspace(499, "", BTC_LONG, ""));
        assertEquals(0, r[0], (String) r[2]);
        JsonNode p = ((JsonNode) r[1]).get("positions").get(0);
        assertEquals(49_999, p.get("fillablePrice").asDouble(), 1e-6);
        // its working: the engine's, with the account's totals
        assertEquals(49_999, DydxLiquidation.explainFillablePrice(499, 500, 0.1, 50_000, 500,
                DydxLiquidation.Config.DEFAULT).result(), 1e-6);
        assertEquals("Bankruptcy price (dYdX)",
                p.get("explanations").get("bankruptcyPrice").get("quantity").asText());
        // calc --explain carries it too, from the pool's totals, and its result is the figure
        JsonNode fp = p.get("explanations").get("fillablePrice");
        assertTrue(fp != null, "no working for fillablePrice");
        assertEquals("Fillable price", fp.get("quantity").asText());
        assertEquals(49_999, fp.get("result").asDouble(), 1e-6);
        assertEquals("FP = (5000 − 0.002 × 0.1 × 500) / 0.1", fp.get("substituted").asText());
        // bankruptcy adjustment 200%: 49,998
        Object[] ba = calc(workspace(499, ", \"liquidation\": {\"bankruptcyAdjustmentPpm\": 2000000}", BTC_LONG, ""));
        assertEquals(49_998, ((JsonNode) ba[1]).get("positions").get(0).get("fillablePrice").asDouble(), 1e-6);
        // spread to MMR 20%: 49,998
        Object[] sm = calc(workspace(499, ", \"liquidation\": {\"spreadToMaintenanceMarginRatioPpm\": 200000}",
                BTC_LONG, ""));
        assertEquals(49_998, ((JsonNode) sm[1]).get("positions").get(0).get("fillablePrice").asDouble(), 1e-6);
    }

    @Test
    void onlyDydxPositionsCarryAFillablePrice() throws Exception {
        Object[] r = calc("""
                {"format": "perprisk-workspace", "version": 1, "account": {"walletBalance": 1000, "positionMode": "ONE_WAY"},
                 "markets": [{"symbol": "BTCUSDT", "convention": "BINANCE", "markPrice": 50000,
                              "tiers": [{"floor": 0, "cap": 1000000, "maxLeverage": 100, "mmr": 0.005}]}],
                 "positions": [{"id": "a", "symbol": "BTCUSDT", "side": "LONG", "size": 0.1, "entryPrice": 50000,
                                "leverage": 10, "marginMode": "CROSS"}]}""");
        assertEquals(0, r[0], (String) r[2]);
        assertFalse(((JsonNode) r[1]).get("positions").get(0).has("fillablePrice"));
        assertFalse(((JsonNode) r[1]).get("positions").get(0).get("explanations").has("fillablePrice"));
    }

    @Test
    void bankruptcyPriceOfOneOfTwoPositionsAsDydxDefinesIt() throws Exception {
        // dYdX's case: 0.004 BTC long ($200, MMR $20) and 0.1 ETH long ($300, MMR $30), TNC $10:
        // closing the ETH must bring in 300 − 10 × 30 / 50 = 294, i.e. 2,940 per ETH
        String eth = ", {\"symbol\": \"ETH-USD\", \"convention\": \"DYDX\", \"markPrice\": 3000, \"indexPrice\": 3000,"
                + " \"dydx\": {\"initialMarginFraction\": 0.2, \"maintenanceFraction\": 0.5}}";
        String positions = "{\"id\": \"btc\", \"symbol\": \"BTC-USD\", \"side\": \"LONG\", \"size\": 0.004,"
                + " \"entryPrice\": 50000, \"leverage\": 5, \"marginMode\": \"CROSS\"},"
                + " {\"id\": \"eth\", \"symbol\": \"ETH-USD\", \"side\": \"LONG\", \"size\": 0.1, \"entryPrice\": 3000, \"leverage\": 5, \"marginMode\": \"CROSS\"}";
        Object[] r = calc(workspace(10, "", positions, eth));
        assertEquals(0, r[0], (String) r[2]);
        JsonNode ps = ((JsonNode) r[1]).get("positions");
        assertEquals(2_940, ps.get(1).get("bankruptcyPrice").asDouble(), 1e-6);
        // and the BTC: 200 − 10 × 20 / 50 = 196 → 49,000 per BTC
        assertEquals(49_000, ps.get(0).get("bankruptcyPrice").asDouble(), 1e-6);
        assertEquals(2_940, DydxLiquidation.bankruptcyPrice(new DydxLiquidation.Account(-490, java.util.List.of(
                new DydxLiquidation.Position("btc", 0.004, 50_000, 0.1),
                new DydxLiquidation.Position("eth", 0.1, 3_000, 0.1))), "eth"), 1e-9);
    }

    @Test
    void aBadLiquidationBlockNamesTheField() throws Exception {
        Object[] r = calc(workspace(499, ", \"liquidation\": {\"maxLiquidationFeePpm\": 0}", BTC_LONG, ""));
        assertEquals(1, r[0]);
        assertTrue(((String) r[2]).contains("markets[0].dydx.liquidation.maxLiquidationFeePpm: must lie in"),
                (String) r[2]);
        Object[] low = calc(workspace(499, ", \"liquidation\": {\"bankruptcyAdjustmentPpm\": 999999}", BTC_LONG, ""));
        assertEquals(1, low[0]);
        assertTrue(((String) low[2]).contains("markets[0].dydx.liquidation.bankruptcyAdjustmentPpm"), (String) low[2]);
        Object[] text = calc(workspace(499, ", \"liquidation\": {\"spreadToMaintenanceMarginRatioPpm\": \"x\"}",
                BTC_LONG, ""));
        assertEquals(1, text[0]);
    }

    @Test
    void theLiquidationBlockSurvivesASave() throws Exception {
        String doc = workspace(499, ", \"liquidation\": {\"maxLiquidationFeePpm\": 5000}", BTC_LONG, "");
        MappingResult m = WorkspaceMapper.toPortfolio(WorkspaceCodec.read(doc));
        assertFalse(m.hasErrors(), m.problems().toString());
        assertEquals(0.005, m.portfolio().markets().get(0).dydx().liquidation().maxLiquidationFee(), 1e-12);
        String written = WorkspaceCodec.toJson(WorkspaceMapper.withPortfolio(WorkspaceCodec.read(doc), m.portfolio()));
        MappingResult again = WorkspaceMapper.toPortfolio(WorkspaceCodec.read(written));
        assertEquals(m.portfolio().markets().get(0).dydx().liquidation(),
                again.portfolio().markets().get(0).dydx().liquidation());
    }
}
