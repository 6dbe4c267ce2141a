package com.perprisk.ui.workspace;

import com.perprisk.engine.ContractType;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The coin-margined sample in the workspace view model, without a screen: contracts and coin wallets as rows. */
class InverseWorkspaceViewModelTest {
    static final Path SAMPLE = Path.of("resources/workspaces/coin-margined-mix.perprisk.json");
    private RiskContext ctx;
    private WorkspaceViewModel vm;
    private WorkspaceDocument doc;

    @BeforeEach
    void setUp() throws Exception {
        ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        doc = WorkspaceCodec.read(SAMPLE);
        vm.load(doc, null);
    }

    private PositionRisk risk(String id) {
        return ctx.getRisk().positions().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theContractsAndCoinWalletsAreRowsAndComeBackUnchanged() {
        MarketRow btc = vm.market("BTCUSD_PERP").orElseThrow();
        assertEquals(ContractType.INVERSE, btc.contractTypeProperty().get());
        assertEquals("100", btc.contractSizeProperty().get());
        assertEquals("BTC", btc.settleAssetProperty().get());
        MarketRow eth = vm.market("ETHUSD_PERP").orElseThrow();
        assertEquals("10", eth.contractSizeProperty().get());
        assertEquals("ETH", eth.settleAssetProperty().get());
        assertEquals(ContractType.LINEAR, vm.market("BTCUSDT").orElseThrow().contractTypeProperty().get());
        assertEquals(List.of("BTC"), List.copyOf(vm.account().coinWallets().keySet()));
        assertEquals("0.25", vm.account().coinWallet("BTC").get());
        assertEquals(doc, vm.toDocument());
        assertEquals(2, vm.toDocument().versionNeeded());
    }

    @Test
    void theResultsAreTheEnginesInEachPoolsAsset() throws Exception {
        assertEquals("", ctx.problemProperty().get());
        PortfolioRisk engine = RiskEngine.evaluate(WorkspaceMapper.toPortfolio(doc).portfolio(), false);
        for (PositionRisk expected : engine.positions()) {
            PositionRisk shown = risk(expected.id());
            assertEquals(expected.liquidationPrice(), shown.liquidationPrice());
            assertEquals(expected.marginAsset(), shown.marginAsset());
        }
        assertEquals("BTC", risk("btc-long").marginAsset());
        assertEquals("ETH", risk("eth-short").marginAsset());
        assertEquals("USDT", risk("usdt").marginAsset());
        assertTrue(ctx.getRisk().pool("BTC").isPresent());
    }

    @Test
    void aCoinWalletIsAnInputOfItsOwnPoolOnly() {
        Double btcBefore = risk("btc-long").liquidationPrice();
        Double usdtBefore = risk("usdt").liquidationPrice();
        vm.account().coinWallet("BTC").set("0.5");
        assertTrue(vm.isDirty());
        Double btcAfter = risk("btc-long").liquidationPrice();
        assertNotNull(btcAfter);
        assertTrue(btcAfter < btcBefore, btcBefore + " → " + btcAfter);
        // 300 × 100 × 1.004 / (0.5 + 30,000 / 58,000): the long's coin cross pool, first bracket
        assertEquals(30_000 * 1.004 / (0.5 + 30_000 / 58_000.0), btcAfter, 1e-6);
        assertEquals(usdtBefore, risk("usdt").liquidationPrice());
        assertEquals(0.5, vm.toDocument().account().coinWallets().get("BTC"), 0);
    }

    @Test
    void aWalletThatIsNotANumberIsAProblemAtItsField() {
        vm.account().coinWallet("BTC").set("lots");
        assertTrue(vm.problemAt("account.coinWallets.BTC").isPresent(), vm.problems().toString());
        assertFalse(vm.problemAt("account.walletBalance").isPresent());
    }

    @Test
    void saveAndOpenKeepTheInverseFields(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("coin.perprisk.json");
        vm.files().saveAs(file);
        assertTrue(Files.readString(file).contains("\"version\" : 2") || Files.readString(file)
                .contains("\"version\": 2"), Files.readString(file));
        WorkspaceViewModel other = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        other.files().open(file);
        assertEquals(vm.toDocument(), other.toDocument());
        assertEquals(doc, WorkspaceCodec.read(file));
    }
}
