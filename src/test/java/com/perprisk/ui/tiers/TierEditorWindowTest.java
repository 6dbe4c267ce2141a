package com.perprisk.ui.tiers;

import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tier editor shows a dYdX market's parameters in a form of five fields instead of a bracket table. The form is
 * made when a dYdX market is first shown (issue 13: the first frame builds only what it shows), and from then on
 * follows the selected market both ways: its fields show that market's parameters, and typing changes that market
 * only.
 */
@Tag("ui")
class TierEditorWindowTest extends ApplicationTest {
    private WorkspaceViewModel vm;
    private TierEditor editor;

    @Override
    public void start(Stage stage) {
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(doc(), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        editor = new TierEditor(vm);
        editor.marketProperty().set(vm.markets().get(0));
        stage.setScene(new Scene(editor, 520, 360));
        theme.attach(editor);
        stage.show();
    }

    private static WorkspaceDocument doc() {
        MarketDoc binance = new MarketDoc("BTCUSDT", "BINANCE", 60_000.0, 60_000.0, 0.0005,
                List.of(new TierDoc(0.0, 1_000_000.0, 100.0, 0.005, 0.0, Map.of())), null, null, null, Map.of());
        MarketDoc eth = new MarketDoc("ETH-USD", "DYDX", 3_000.0, null, null, null,
                new DydxDoc(0.05, 0.6, null, null, null, null), null, null, null);
        MarketDoc sol = new MarketDoc("SOL-USD", "DYDX", 150.0, null, null, null,
                new DydxDoc(0.1, 0.5, 2_000_000.0, 1_000_000.0, 5_000_000.0, null), null, null, null);
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, "tiers",
                new AccountDoc(10_000.0, "ONE_WAY", Map.of()), 24.0, List.of(binance, eth, sol), List.of(),
                Map.of());
    }

    @Test
    void theDydxFormIsMadeWhenADydxMarketIsFirstShownAndFollowsTheSelectedMarket() {
        assertTrue(lookup("#dydx-form").tryQuery().isEmpty(), "no dYdX market shown yet: the form is not built");
        assertTrue(lookup("#dydx-imf").tryQuery().isEmpty());
        assertTrue(lookup(".table-view").queryAs(TableView.class).isVisible());

        MarketRow eth = vm.markets().get(1);
        MarketRow sol = vm.markets().get(2);
        interact(() -> editor.marketProperty().set(eth));
        WaitForAsyncUtils.waitForFxEvents();
        Node form = lookup("#dydx-form").query();
        assertTrue(form.isVisible());
        assertFalse(lookup(".table-view").queryAs(TableView.class).isVisible(), "dYdX has no brackets to show");
        assertEquals("5", field("#dydx-imf").getText());
        assertEquals("60", field("#dydx-maintenance").getText());
        assertEquals("", field("#dydx-oi").getText());

        interact(() -> editor.marketProperty().set(sol));
        assertEquals("10", field("#dydx-imf").getText());
        assertEquals("2000000", field("#dydx-oi").getText());

        clickOn("#dydx-imf");
        interact(() -> field("#dydx-imf").selectAll());
        write("12");
        assertEquals("12", sol.dydxImfPercentProperty().get());
        assertEquals("5", eth.dydxImfPercentProperty().get(), "the market shown before is not touched");

        interact(() -> editor.marketProperty().set(vm.markets().get(0)));
        assertFalse(form.isVisible(), "a Binance market shows its table, not the dYdX form");
        assertTrue(lookup(".table-view").queryAs(TableView.class).isVisible());
        assertEquals(1, lookup("#dydx-form").queryAll().size(), "made once, then kept");

        interact(() -> editor.marketProperty().set(eth));
        assertTrue(form.isVisible());
        assertEquals("5", field("#dydx-imf").getText());
    }

    private TextField field(String id) {
        return lookup(id).queryAs(TextField.class);
    }
}
