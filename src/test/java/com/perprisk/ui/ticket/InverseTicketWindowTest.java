package com.perprisk.ui.ticket;

import com.perprisk.io.Samples;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.support.Snapshots;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order ticket on the coin-margined sample in the real main window (Monocle headless), from the keyboard. */
class InverseTicketWindowTest extends ApplicationTest {
    private WorkspaceViewModel vm;
    private MainView view;

    @Override
    public void start(Stage stage) throws Exception {
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(Samples.open("coin-margined-mix"), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
        view.focusStart();
    }

    private TicketView ticket() {
        return view.ticket().view();
    }

    private String cell(TableView<?> table, int row, String columnId) {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> c = lookup((Node n) -> n instanceof TableCell<?, ?> tc && tc.getTableView() == table
                && tc.getIndex() == row && tc.getTableColumn() != null && columnId.equals(tc.getTableColumn().getId())
                && tc.isVisible()).query();
        return c.getText();
    }

    private int rowOf(TableView<TicketRows.Figure> t, String key) {
        for (int i = 0; i < t.getItems().size(); i++) {
            if (t.getItems().get(i).key().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no row " + key);
    }

    @Test
    @DisplayName("BTCUSD_PERP on the ticket: 100 contracts at 20x, IM in BTC with USD at the mark, the BTC pool before → after, Alt+A adds")
    void sizeAnInverseOrderAndAddIt() {
        push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> market = lookup("#ticket-symbol").query();
        interact(() -> market.getSelectionModel().select("BTCUSD_PERP"));
        WaitForAsyncUtils.waitForFxEvents();
        // the market's positions replaced the add-to choices: the choice shows "automatic" again, not a blank
        javafx.scene.control.ChoiceBox<String> addTo = lookup("#ticket-add-to").query();
        assertEquals("", addTo.getValue());
        assertEquals("automatic", addTo.getConverter().toString(addTo.getValue()));
        TextField leverage = lookup("#ticket-leverage").query();
        interact(() -> leverage.setText("20"));
        TextField amount = lookup("#ticket-amount").query();
        interact(amount::requestFocus);
        write("100");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("contracts", ((Label) lookup("#ticket-amount-unit").query()).getText());
        TableView<TicketRows.Figure> figures = ticket().figuresTable();
        TableColumn<?, ?> usd = figures.getColumns().stream().filter(c -> "ticket-col-usd".equals(c.getId()))
                .findFirst().orElseThrow();
        assertTrue(usd.isVisible(), "the USD column shows for a coin-margined market");
        assertEquals("100 contracts", cell(figures, rowOf(figures, "size"), "ticket-col-value"));
        assertEquals("0.008333 BTC", cell(figures, rowOf(figures, "initialMargin"), "ticket-col-value"));
        assertEquals("500.00 USD", cell(figures, rowOf(figures, "initialMargin"), "ticket-col-usd"));
        TableView<TicketRows.Change> account = ticket().accountTable();
        assertEquals("BTC available", cell(account, 1, "ticket-col-what"));
        assertEquals("0.241379 BTC", cell(account, 1, "ticket-col-before"));
        assertEquals("0.233046 BTC", cell(account, 1, "ticket-col-after"));
        // the working shown is the order's own liquidation price, in the BTC pool (not the first position's)
        String working = ticket().workingArea().getText();
        assertTrue(working.startsWith("Liquidation price"), working);
        assertFalse(working.contains("size of usdt"), working);
        assertNoCutValues();
        push(KeyCode.ALT, KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        PositionRow btc = vm.positions().stream().filter(r -> r.getId().equals("btc-long")).findFirst()
                .orElseThrow();
        assertEquals("400", btc.sizeProperty().get());
        assertEquals(400 / (300 / 58_000.0 + 100 / 60_000.0), Double.parseDouble(btc.entryPriceProperty().get()),
                1e-6);
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("300", btc.sizeProperty().get());
    }

    @Test
    @DisplayName("A linear market on the same ticket has no USD column; a fractional contract size is marked at the field")
    void linearHasNoUsdColumnAndFractionalContractsAreMarked() throws Exception {
        push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        write("0.1");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<TicketRows.Figure> figures = ticket().figuresTable();
        TableColumn<?, ?> usd = figures.getColumns().stream().filter(c -> "ticket-col-usd".equals(c.getId()))
                .findFirst().orElseThrow();
        assertFalse(usd.isVisible());
        assertEquals("0.1 BTC", cell(figures, rowOf(figures, "size"), "ticket-col-value"));
        ComboBox<String> market = lookup("#ticket-symbol").query();
        interact(() -> market.getSelectionModel().select("BTCUSD_PERP"));
        WaitForAsyncUtils.waitForFxEvents();
        TextField amount = lookup("#ticket-amount").query();
        assertTrue(amount.getStyleClass().contains("error"));
        assertTrue(amount.getTooltip().getText().contains("whole contracts"), amount.getTooltip().getText());
        interact(() -> amount.setText("250"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(amount.getStyleClass().contains("error"));
        assertTrue(usd.isVisible());
        interact(() -> Snapshots.save(view.getScene(), "ticket-inverse"));
        assertNoCutValues();
    }

    /** No visible cell of the ticket's tables shows "…" (a cut value). */
    private void assertNoCutValues() {
        WaitForAsyncUtils.waitForFxEvents();
        Set<TableCell> cells = lookup((Node n) -> n instanceof TableCell<?, ?> c && c.isVisible()
                && c.getText() != null && (c.getTableView() == ticket().figuresTable()
                || c.getTableView() == ticket().accountTable() || c.getTableView() == ticket().positionsTable()))
                .queryAllAs(TableCell.class);
        assertFalse(cells.isEmpty());
        for (TableCell<?, ?> c : cells) {
            Node text = c.lookup(".text");
            String shown = text instanceof javafx.scene.text.Text t ? t.getText() : c.getText();
            assertFalse(shown.contains("…") || shown.endsWith("..."), "cut: " + c.getText() + " shown as " + shown);
        }
    }
}
