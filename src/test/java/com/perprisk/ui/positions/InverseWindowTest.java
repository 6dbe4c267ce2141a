package com.perprisk.ui.positions;

import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import com.perprisk.io.WorkspaceMapper;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real window on the coin-margined sample (a USDT cross pool, a BTC cross pool, an isolated ETH inverse short):
 * every amount shown names its asset and is the engine's figure; the coin wallet and the contracts are inputs.
 */
class InverseWindowTest extends MainWindowHarness {
    @Override
    protected WorkspaceDocument startDocument() {
        try {
            return Samples.open("coin-margined-mix");
        } catch (WorkspaceException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the table shows a column (at 1280 wide it sheds some result columns: ColumnShedding). */
    private boolean shown(String columnId) {
        WaitForAsyncUtils.waitForFxEvents();
        return positionsTable().getVisibleLeafColumns().stream().anyMatch(c -> columnId.equals(c.getId()));
    }

    /** The cell's text equals the expected one, when the table shows the column. */
    private void assertShown(String expected, int row, String columnId) {
        if (shown(columnId)) {
            assertEquals(expected, text(positionsTable(), row, columnId), columnId);
        }
    }

    private static PositionRisk engine(WorkspaceDocument doc, String id) {
        PortfolioRisk r = RiskEngine.evaluate(WorkspaceMapper.toPortfolio(doc).portfolio(), false);
        return r.positions().stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow();
    }

    private int row(String id) {
        for (int i = 0; i < vm.positions().size(); i++) {
            if (vm.positions().get(i).getId().equals(id)) {
                return i;
            }
        }
        throw new AssertionError(id);
    }

    @Test
    void theTableShowsTheEnginesFiguresEachInItsAsset() throws Exception {
        WorkspaceDocument doc = startDocument();
        var fmt = vm.formats();
        for (String id : List.of("usdt", "btc-long", "eth-short")) {
            PositionRisk e = engine(doc, id);
            String asset = Map.of("usdt", "USDT", "btc-long", "BTC", "eth-short", "ETH").get(id);
            int r = row(id);
            assertEquals(Amounts.signed(fmt, e.unrealizedPnl(), asset), text(positionsTable(), r, "col-unrealizedPnl"));
            assertShown(Amounts.money(fmt, e.initialMargin(), asset), r, "col-initialMargin");
            assertShown(Amounts.money(fmt, e.notional(), asset), r, "col-notional");
            assertShown(Amounts.money(fmt, e.maintenanceMargin(), asset), r, "col-maintenanceMargin");
            assertEquals(fmt.price(e.liquidationPrice(), e.liquidationPrice()).replaceAll("\\..*", ""),
                    text(positionsTable(), r, "col-liquidationPrice").replaceAll("\\..*", ""), id);
        }
        // 300 contracts of 100 USD at 58,000, 20x: IM = N(EP) / 20 = 0.025862 BTC
        assertShown("0.025862 BTC", row("btc-long"), "col-initialMargin");
        assertShown("4,880.00 USDT", row("usdt"), "col-initialMargin");
        // the isolated ETH short's margin, derived (blank input): 5,000 / 3,000 / 5 ETH
        assertShown("0.333333 ETH", row("eth-short"), "col-isolatedMargin");
    }

    @Test
    void theBtcWalletIsAFieldOfTheAccountBarAndMovesOnlyItsPool() {
        TextField btc = lookup("#coin-wallet-BTC").queryAs(TextField.class);
        assertNotNull(btc);
        assertEquals("0.25", btc.getText());
        assertTrue(lookup("#coin-wallet-ETH").tryQuery().isPresent(), "ETH settles the ETHUSD_PERP market");
        String usdtBefore = text(positionsTable(), row("usdt"), "col-liquidationPrice");
        clickOn(btc).push(KeyCode.SHORTCUT, KeyCode.A).write("0.5").push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.5", vm.account().coinWallet("BTC").get());
        PositionRisk e = engine(vm.toDocument(), "btc-long");
        // 30,000 × 1.004 / (0.5 + 30,000 / 58,000)
        assertEquals(30_000 * 1.004 / (0.5 + 30_000 / 58_000.0), e.liquidationPrice(), 1e-6);
        assertEquals(vm.formats().price(e.liquidationPrice(), 60_000),
                text(positionsTable(), row("btc-long"), "col-liquidationPrice"));
        assertEquals(usdtBefore, text(positionsTable(), row("usdt"), "col-liquidationPrice"));
    }

    @Test
    void theMarketsTableShowsEachContract() {
        TableView<?> markets = lookup("#markets-table").queryAs(TableView.class);
        // at 1280 px the markets panel is too narrow for the contract columns (they step aside): widen it
        fx(() -> lookup("#bottom-split").queryAs(javafx.scene.control.SplitPane.class).setDividerPositions(0.95));
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        int btc = vm.markets().indexOf(vm.market("BTCUSD_PERP").orElseThrow());
        fx(() -> markets.scrollToColumn((TableColumn) markets.getColumns().get(markets.getColumns().size() - 1)));
        assertEquals("Inverse", text(markets, btc, "market-col-contract.type"));
        assertEquals("100 USD", text(markets, btc, "market-col-contract.contractSize"));
        assertEquals("BTC", text(markets, btc, "market-col-contract.settleAsset"));
        assertEquals("Linear", text(markets, vm.markets().indexOf(vm.market("BTCUSDT").orElseThrow()),
                "market-col-contract.type"));
    }

    @Test
    void theTilesNameThePoolAndTheAssetOfTheirAmounts() {
        String available = lookup("#tile-available-value").queryLabeled().getText();
        assertTrue(available.endsWith(" BTC") || available.endsWith(" USDT") || available.endsWith(" ETH"),
                available);
        String funding = lookup("#tile-funding-value").queryLabeled().getText();
        assertTrue(funding.endsWith(" USD"), funding);
        assertFalse(funding.contains("NaN"), funding);
        assertEquals(List.of(), truncated(view), "nothing cut");
    }
}
