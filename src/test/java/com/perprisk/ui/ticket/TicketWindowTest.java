package com.perprisk.ui.ticket;

import com.perprisk.io.Samples;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.support.Snapshots;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order ticket in the real main window, driven from the keyboard (Monocle headless). */
class TicketWindowTest extends ApplicationTest {
    private WorkspaceViewModel vm;
    private MainView view;

    @Override
    public void start(Stage stage) throws Exception {
        RiskContext ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(Samples.demo(), null);
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

    /** The text of a visible cell of a ticket table. */
    private String cell(TableView<?> table, int row, String columnId) {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> c = lookup((Node n) -> n instanceof TableCell<?, ?> tc && tc.getTableView() == table
                && tc.getIndex() == row && tc.getTableColumn() != null && columnId.equals(tc.getTableColumn().getId())
                && tc.isVisible()).query();
        return c.getText();
    }

    @Test
    @DisplayName("Ctrl+T opens the ticket with the keyboard in the amount field; typing a size shows before → after")
    void openByShortcutAndTypeASize() {
        push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.ticket().isShown());
        TextField amount = lookup("#ticket-amount").query();
        assertTrue(amount.isFocused(), "the amount field has the keyboard");
        TableView<TicketRows.Change> account = ticket().accountTable();
        assertTrue(account.getItems().isEmpty(), "nothing before a size is typed");
        write("0.25");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Available balance", cell(account, 1, "ticket-col-what"));
        assertEquals("20,565.00", cell(account, 1, "ticket-col-before"));
        assertEquals("18,268.75", cell(account, 1, "ticket-col-after"));
        assertEquals("36,666.35", cell(ticket().positionsTable(), 0, "ticket-col-lp-before"));
        assertEquals("55,183.86", cell(ticket().positionsTable(), 0, "ticket-col-lp-after"));
        // typing more changes the after column at once
        write("5");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.255", amount.getText());
        assertFalse(cell(account, 1, "ticket-col-after").equals("18,268.75"));
    }

    @Test
    @DisplayName("Add to workspace from the keyboard (Alt+A), then Ctrl+Z takes it back")
    void addToWorkspaceAndUndo() {
        push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        write("0.25");
        push(KeyCode.ALT, KeyCode.A);
        WaitForAsyncUtils.waitForFxEvents();
        var btc = vm.positions().stream().filter(r -> r.getId().equals("btc-long")).findFirst().orElseThrow();
        assertEquals("0.75", btc.sizeProperty().get());
        assertTrue(((Labeled) lookup("#ticket-status").query()).getText().startsWith("Updated btc-long"));
        push(KeyCode.SHORTCUT, KeyCode.Z);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("0.5", btc.sizeProperty().get());
        assertEquals(3, vm.positions().size());
    }

    @Test
    @DisplayName("A problem is marked at its field; selecting a figure shows its working; Ctrl+1 goes back to Positions")
    void problemsWorkingAndBack() {
        push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        write("0.25");
        TextField leverage = lookup("#ticket-leverage").query();
        interact(() -> leverage.setText("150"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(leverage.getStyleClass().contains("error"));
        assertTrue(leverage.getTooltip().getText().contains("exceeds"), leverage.getTooltip().getText());
        assertTrue(lookup("#ticket-add").query().isDisabled());
        interact(() -> leverage.setText("10"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(leverage.getStyleClass().contains("error"));
        TableView<TicketRows.Figure> figures = ticket().figuresTable();
        interact(() -> {
            figures.requestFocus();
            figures.getSelectionModel().select(0);
        });
        push(KeyCode.DOWN); // to the notional
        WaitForAsyncUtils.waitForFxEvents();
        String working = ticket().workingArea().getText();
        assertTrue(working.startsWith("Order notional"), working);
        assertTrue(working.contains("N = Q × EP"), working);
        push(KeyCode.SHORTCUT, KeyCode.DIGIT1);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(view.ticket().isShown());
        assertSame(view.positionsView().table(), view.getScene().getFocusOwner());
    }

    @Test
    @DisplayName("Screenshots of the ticket at 1280×800, light, presentation size and dark, with no value cut")
    void screenshots() throws Exception {
        push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        write("0.25");
        clickOn("#ticket-exit");
        write("95000");
        clickOn("#ticket-target-roe");
        write("50");
        WaitForAsyncUtils.waitForFxEvents();
        Path[] shot = new Path[2];
        interact(() -> shot[0] = Snapshots.save(view.getScene(), "ticket"));
        assertNoCutValues();
        interact(() -> view.getStyleClass().add("presentation"));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> shot[1] = Snapshots.save(view.getScene(), "ticket-presentation"));
        assertNoCutValues();
        interact(() -> view.getStyleClass().remove("presentation"));
        push(KeyCode.SHORTCUT, KeyCode.SHIFT, KeyCode.L); // dark theme
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.getStyleClass().contains("theme-dark"));
        Path[] dark = new Path[1];
        interact(() -> dark[0] = Snapshots.save(view.getScene(), "ticket-dark"));
        assertNoCutValues();
        // docs/ticket*.png are copies of these
        assertTrue(Files.size(shot[0]) > 0 && Files.size(shot[1]) > 0 && Files.size(dark[0]) > 0);
    }

    /** No visible cell of the ticket's tables shows "…" (a cut value). */
    private void assertNoCutValues() {
        WaitForAsyncUtils.waitForFxEvents();
        Set<TableCell> cells = lookup((Node n) -> n instanceof TableCell<?, ?> c && c.isVisible()
                && c.getText() != null && ticketTable(c.getTableView())).queryAllAs(TableCell.class);
        assertFalse(cells.isEmpty());
        for (TableCell<?, ?> c : cells) {
            Node text = c.lookup(".text");
            String shown = text instanceof javafx.scene.text.Text t ? t.getText() : c.getText();
            assertFalse(shown.contains("…") || shown.endsWith("..."), "cut: " + c.getText() + " shown as " + shown);
        }
    }

    private boolean ticketTable(TableView<?> t) {
        return t == ticket().figuresTable() || t == ticket().accountTable() || t == ticket().positionsTable();
    }
}
