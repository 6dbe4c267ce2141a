package com.perprisk.ui.live;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.reconcile.ReconcileViewModel;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import com.perprisk.venue.RecordedVenue;
import com.perprisk.venue.RecordedVenue.Reply;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real main window headless, its venues pointed at a recorded server on 127.0.0.1 through the
 * {@code perprisk.venue.baseUrl} system property: refresh one market, refresh all, the preset badge, cancel, an
 * error at the market's row, and importing Hyperliquid positions into the Reconcile view.
 */
class LiveWindowTest extends ApplicationTest {
    static final String START = """
            {"format":"perprisk-workspace","version":1,"name":"live",
             "account":{"walletBalance":20000,"positionMode":"ONE_WAY"},
             "markets":[
              {"symbol":"BTCUSDT","convention":"BYBIT","markPrice":60000,"indexPrice":60000,"takerFeeRate":0.00055,
               "tiers":[{"floor":0,"maxLeverage":100,"mmr":0.005}],"funding":{"rate":0.0001,"intervalHours":8}},
              {"symbol":"BTC","convention":"HYPERLIQUID","markPrice":90000,"indexPrice":90000,
               "tiers":[{"floor":0,"maxLeverage":40}],"funding":{"rate":0.00001,"intervalHours":1}},
              {"symbol":"ETHUSDT","convention":"BINANCE","markPrice":2500,"indexPrice":2500,
               "tiers":[{"floor":0,"maxLeverage":50,"mmr":0.01}]}],
             "positions":[{"id":"p1","symbol":"BTCUSDT","side":"LONG","size":0.1,"entryPrice":60000,"leverage":10,
               "marginMode":"CROSS"}]}
            """;
    private RecordedVenue server;
    private WorkspaceViewModel vm;
    private MainView view;

    @Override
    public void start(Stage stage) throws Exception {
        server = RecordedVenue.allVenues();
        System.setProperty(LiveConfig.BASE_URL, server.baseUrl());
        RiskContext ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(WorkspaceCodec.read(START), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
    }

    @AfterEach
    void closeServer() {
        System.clearProperty(LiveConfig.BASE_URL);
        server.close();
    }

    MainView view() {
        return view;
    }

    private LiveViewModel live() {
        return view.livePanel().viewModel();
    }

    private void waitIdle() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !live().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private TableCell<?, ?> dataCell(int row) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup((Node n) -> n instanceof TableCell<?, ?> c && c.getTableView() == view.marketsView().table()
                && c.getIndex() == row && c.getTableColumn() != null
                && "market-col-live".equals(c.getTableColumn().getId())).query();
    }

    private MarketRow market(String symbol) {
        return vm.market(symbol).orElseThrow();
    }

    @Test
    void refreshOneMarketFromItsRow() throws Exception {
        assertEquals("typed", ((Label) ((javafx.scene.layout.HBox) dataCell(0).getGraphic()).getChildren().get(0))
                .getText());
        clickOn(from(dataCell(0)).lookup(".live-refresh").queryAs(Button.class));
        waitIdle();
        assertEquals("64970.71", market("BTCUSDT").markPriceProperty().get());
        assertEquals("0.055", market("BTCUSDT").takerFeePercentProperty().get(), "the typed fee is kept");
        assertEquals(3, market("BTCUSDT").tiers().size());
        assertEquals("90000", market("BTC").markPriceProperty().get(), "only that market");
        assertTrue(dataCell(0).getText().equals("now"), dataCell(0).getText());
        assertEquals("Fetched Bybit BTCUSDT", live().statusProperty().get());
        interact(vm::undo);
        assertEquals("60000", market("BTCUSDT").markPriceProperty().get(), "one undo step");
    }

    @Test
    void refreshAllShowsThePresetBadge() throws Exception {
        clickOn("#live-refresh-all");
        waitIdle();
        assertEquals("Fetched 3 of 3 markets", live().statusProperty().get());
        assertEquals("91250", market("BTC").markPriceProperty().get());
        assertEquals("2400.5", market("ETHUSDT").markPriceProperty().get());
        Label badge = from(dataCell(2)).lookup(".live-badge").queryAs(Label.class);
        assertTrue(badge.isVisible());
        assertEquals("⚑ 2024-10-24", badge.getText());
        assertTrue(dataCell(2).getTooltip().getText().contains("bundled preset dated 2024-10-24"),
                dataCell(2).getTooltip().getText());
        assertFalse(from(dataCell(0)).lookup(".live-badge").queryAs(Label.class).isVisible());
        assertEquals(1.0, live().progressProperty().get());
    }

    @Test
    void cancelStopsAndLeavesTheMarket() throws Exception {
        server.route("/v5/market/tickers", r -> Reply.ok("{}").delayed(8000));
        WorkspaceDocument before = vm.toDocument();
        clickOn("#live-refresh-all");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> live().busyProperty().get());
        assertFalse(lookup("#live-cancel").queryAs(Button.class).isDisabled());
        clickOn("#live-cancel");
        waitIdle();
        assertEquals("Cancelled", live().statusProperty().get());
        assertEquals(before, vm.toDocument());
        assertFalse(lookup("#live-refresh-all").queryAs(Button.class).isDisabled(), "ready again");
    }

    @Test
    void anErrorIsShownAtTheMarketRowAndChangesNothing() throws Exception {
        server.route("/info", r -> Reply.ok("<html>maintenance</html>"));
        WorkspaceDocument before = vm.toDocument();
        clickOn(from(dataCell(1)).lookup(".live-refresh").queryAs(Button.class));
        waitIdle();
        TableCell<?, ?> cell = dataCell(1);
        assertTrue(cell.getStyleClass().contains("live-error"));
        assertEquals("⚠ refresh failed", cell.getText());
        assertTrue(cell.getTooltip().getText().startsWith("Hyperliquid POST /info metaAndAssetCtxs: the body is not "
                + "JSON"), cell.getTooltip().getText());
        assertEquals(before, vm.toDocument(), "a failed refresh leaves the workspace exactly as it was");
        assertTrue(lookup("#live-status").queryAs(Label.class).getStyleClass().contains("live-failed"));
        server.hyperliquid();
        // keyboard: F5 in the markets table refreshes the selected market
        interact(() -> {
            view.marketsView().table().getSelectionModel().clearAndSelect(1);
            view.marketsView().table().requestFocus();
        });
        type(javafx.scene.input.KeyCode.F5);
        waitIdle();
        assertEquals("Fetched Hyperliquid BTC", live().statusProperty().get());
        assertFalse(dataCell(1).getStyleClass().contains("live-error"), "cleared by a good refresh");
    }

    @Test
    void importHyperliquidPositionsIntoReconcile() throws Exception {
        push(javafx.scene.input.KeyCode.SHORTCUT, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.I);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#live-keys-note").queryAs(Label.class).getText()
                .startsWith("Keys are kept in memory for this session only"));
        clickOn("#live-import-address").write("0x" + "1f".repeat(20));
        clickOn("#live-import-run");
        waitIdle();
        assertTrue(live().statusProperty().get().startsWith("Imported 2 positions from Hyperliquid and 1 market"),
                live().statusProperty().get());
        assertTrue(vm.market("ETH").isPresent(), "the market of the ETH position was fetched");
        assertEquals(3, vm.positions().size());
        assertEquals("0.5", vm.positions().get(1).sizeProperty().get());
        assertEquals(72345.6, vm.context().venueLiquidationPrices().get("hyperliquid-BTC"));
        assertTrue(vm.context().getRisk() != null, "the imported workspace computes: " + vm.context()
                .problemProperty().get());
        ReconcileViewModel reconcile = interactGet(() -> new ReconcileViewModel(vm.context(), vm.formats()));
        interact(() -> reconcile.positionIdProperty().set("hyperliquid-BTC"));
        assertEquals("72345.6", reconcile.exchangePriceProperty().get(), "the venue's own liquidation price");
        interact(() -> reconcile.positionIdProperty().set("hyperliquid-ETH"));
        assertEquals("3402.1", reconcile.exchangePriceProperty().get());
    }

    private <T> T interactGet(java.util.concurrent.Callable<T> c) throws Exception {
        java.util.concurrent.atomic.AtomicReference<T> ref = new java.util.concurrent.atomic.AtomicReference<>();
        interact(() -> {
            try {
                ref.set(c.call());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return ref.get();
    }
}
