package com.perprisk.io;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 9: the user can enter a total wallet from which the isolated margins are taken
 * ({@code account.walletScope: "TOTAL"}); without the field the wallet is the cross wallet, as before.
 */
class WalletScopeTest {
    private static WorkspaceDocument withAccount(WorkspaceDocument d, double wallet, Object scope) {
        Map<String, Object> extra = new LinkedHashMap<>(d.account().extra());
        if (scope != null) {
            extra.put(WalletScope.FIELD, scope);
        }
        return new WorkspaceDocument(d.format(), d.version(), d.name(), new AccountDoc(wallet,
                d.account().positionMode(), d.account().coinWallets(), extra), d.horizonHours(), d.markets(), d.positions(), d.extra());
    }

    @Test
    @DisplayName("A total wallet gives the engine the cross wallet: the demo's 30,000 + sol-iso's 4,275 + 500")
    void totalWalletTakesTheIsolatedMargins() throws Exception {
        WorkspaceDocument demo = Samples.demo();
        // sol-iso: 150 × 142.5 / 5 = 4,275 posted (blank: entry notional / leverage) + 500 extra
        MappingResult m = WorkspaceMapper.toPortfolio(withAccount(demo, 34_775, "TOTAL"));
        assertFalse(m.hasErrors(), m.problems().toString());
        assertEquals(30_000, m.portfolio().account().walletBalance(), 1e-9);
        assertEquals(WorkspaceMapper.toPortfolio(demo).portfolio(), m.portfolio(),
                "the same portfolio as the demo's cross wallet of 30,000");
        MappingResult cross = WorkspaceMapper.toPortfolio(withAccount(demo, 34_775, "CROSS"));
        assertEquals(34_775, cross.portfolio().account().walletBalance(), 1e-9, "CROSS: as typed");
    }

    @Test
    @DisplayName("Every sample: a total of cross + isolated margins gives the same results as the cross wallet")
    void everySampleSameJudgement() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Stream.concat(Files.list(Path.of("resources/workspaces")),
                Files.list(Path.of("resources/lessons")))) {
            files = s.filter(p -> p.toString().endsWith(".perprisk.json")).sorted().toList();
        }
        int withIsolated = 0;
        for (Path f : files) {
            WorkspaceDocument d = WorkspaceCodec.read(f);
            Portfolio p = WorkspaceMapper.toPortfolio(d).portfolio();
            double iso = WalletScope.isolatedMargins(p);
            withIsolated += iso > 0 ? 1 : 0;
            MappingResult t = WorkspaceMapper.toPortfolio(withAccount(d, d.account().walletBalance() + iso, "TOTAL"));
            assertFalse(t.hasErrors(), f + " " + t.problems());
            PortfolioRisk a = RiskEngine.evaluate(p);
            PortfolioRisk b = RiskEngine.evaluate(t.portfolio());
            assertEquals(a.account().walletBalance(), b.account().walletBalance(), 1e-6, f.toString());
            for (int i = 0; i < a.positions().size(); i++) {
                assertEquals(a.positions().get(i).liquidationPrice(), b.positions().get(i).liquidationPrice(),
                        f + " " + a.positions().get(i).id());
            }
        }
        assertTrue(withIsolated >= 3, "samples with isolated positions: " + withIsolated);
    }

    @Test
    @DisplayName("A total below the isolated margins, or an unknown scope, is an error naming the field")
    void errors() throws Exception {
        WorkspaceDocument demo = Samples.demo();
        MappingResult low = WorkspaceMapper.toPortfolio(withAccount(demo, 4_000, "TOTAL"));
        assertTrue(low.hasErrors());
        FieldProblem p = low.problems().stream().filter(FieldProblem::isError).findFirst().orElseThrow();
        assertEquals("account.walletBalance", p.path());
        assertTrue(p.message().contains("4775"), p.message());
        MappingResult bad = WorkspaceMapper.toPortfolio(withAccount(demo, 30_000, "BOTH"));
        FieldProblem q = bad.problems().stream().filter(FieldProblem::isError).findFirst().orElseThrow();
        assertEquals("account.walletScope", q.path());
        assertTrue(q.message().contains("CROSS") && q.message().contains("TOTAL"), q.message());
    }

    @Test
    @DisplayName("The field is optional, kept on save, and left out of what the engine holds (the cross wallet)")
    void savedAndOptional() throws Exception {
        WorkspaceDocument demo = Samples.demo();
        assertNull(demo.account().extra().get(WalletScope.FIELD), "the samples do not use it");
        String json = WorkspaceCodec.toJson(withAccount(demo, 34_775, "TOTAL"));
        assertTrue(json.contains("\"walletScope\" : \"TOTAL\"") || json.contains("\"walletScope\": \"TOTAL\""), json);
        WorkspaceDocument back = WorkspaceCodec.read(json);
        assertEquals(WalletScope.TOTAL, WalletScope.of(back.account().extra()));
        Portfolio engine = WorkspaceMapper.toPortfolio(back).portfolio();
        WorkspaceDocument held = WorkspaceMapper.withPortfolio(back, engine);
        assertEquals(30_000, held.account().walletBalance(), 1e-9);
        assertEquals(WalletScope.CROSS, WalletScope.of(held.account().extra()),
                "written as the cross wallet it now is, not taken from twice");
    }

    @Test
    @DisplayName("A total wallet is the quote asset's: coin wallets stay, an isolated inverse margin (in BTC) is not taken")
    void totalWalletLeavesCoinPoolsAlone() throws Exception {
        String json = """
                { "format": "perprisk-workspace", "version": 2, "name": "t",
                  "account": { "walletBalance": 11000, "walletScope": "TOTAL", "coinWallets": { "BTC": 1.5 },
                               "positionMode": "ONE_WAY" },
                  "markets": [
                    { "symbol": "BTCUSDT", "convention": "BINANCE", "markPrice": 60000,
                      "tiers": [ { "floor": 0, "cap": 1000000, "maxLeverage": 100, "mmr": 0.005 } ] },
                    { "symbol": "BTCUSD_PERP", "convention": "BINANCE_COINM",
                      "contract": { "type": "INVERSE", "contractSize": 100, "settleAsset": "BTC" },
                      "markPrice": 60000, "tiers": [ { "floor": 0, "cap": 5, "maxLeverage": 125, "mmr": 0.004 } ] },
                    { "symbol": "ETHUSD_PERP", "convention": "BINANCE_COINM",
                      "contract": { "type": "INVERSE", "contractSize": 10, "settleAsset": "ETH" },
                      "markPrice": 3000, "tiers": [ { "floor": 0, "cap": 100, "maxLeverage": 75, "mmr": 0.005 } ] } ],
                  "positions": [
                    { "id": "u", "symbol": "BTCUSDT", "side": "LONG", "size": 1, "entryPrice": 60000,
                      "leverage": 6, "marginMode": "ISOLATED" },
                    { "id": "c", "symbol": "BTCUSD_PERP", "side": "LONG", "size": 300, "entryPrice": 58000,
                      "leverage": 20, "marginMode": "CROSS" },
                    { "id": "e", "symbol": "ETHUSD_PERP", "side": "SHORT", "size": 100, "entryPrice": 3000,
                      "leverage": 5, "marginMode": "ISOLATED" } ] }
                """;
        MappingResult m = WorkspaceMapper.toPortfolio(WorkspaceCodec.read(json));
        assertFalse(m.hasErrors(), m.problems().toString());
        // 11,000 − the linear isolated margin 60,000 / 6 = 10,000: 1,000 left for the USDT cross wallet
        assertEquals(1_000, m.portfolio().account().walletBalance(), 1e-9);
        assertEquals(1.5, m.portfolio().account().coinWallet("BTC"));
    }
}
