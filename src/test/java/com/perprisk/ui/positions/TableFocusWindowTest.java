package com.perprisk.ui.positions;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Side;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 1: Enter in a table cell commits and stays in the table, moving down like a spreadsheet; the
 * focus never jumps to the wallet field (where the next digit would replace the balance).
 */
class TableFocusWindowTest extends MainWindowHarness {
    private TablePosition<?, ?> focusedCell(TableView<?> t) {
        WaitForAsyncUtils.waitForFxEvents();
        return t.getFocusModel().getFocusedCell();
    }

    @Test
    void enterInASizeCellStaysInTheTableAndMovesDown() {
        String wallet = vm.account().walletBalanceProperty().get();
        typeInto(positionsTable(), 0, "col-size", "2");
        assertTrue(inside(focusOwner(), positionsTable()), "focus stays in the positions table, not "
                + focusOwner());
        assertEquals("2", vm.positions().get(0).sizeProperty().get());
        TablePosition<?, ?> pos = focusedCell(positionsTable());
        assertEquals(1, pos.getRow(), "Enter moves down a row");
        assertEquals("col-size", pos.getTableColumn().getId());
        write("7"); // the next digit edits the cell below, never the wallet
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(wallet, vm.account().walletBalanceProperty().get());
        assertEquals("7", vm.positions().get(1).sizeProperty().get());
        assertTrue(inside(focusOwner(), positionsTable()));
    }

    @Test
    void enterInTheMarketsTableStaysThere() {
        String wallet = vm.account().walletBalanceProperty().get();
        TableView<?> markets = view.marketsView().table();
        typeInto(markets, 0, "market-col-markPrice", "90000");
        assertTrue(inside(focusOwner(), markets), "focus stays in the markets table, not " + focusOwner());
        write("5");
        type(KeyCode.ESCAPE);
        assertEquals(wallet, vm.account().walletBalanceProperty().get());
        assertEquals("90000", vm.markets().get(0).markPriceProperty().get());
    }

    @Test
    void choosingFromADropDownKeepsTheFocusInTheTable() {
        String wallet = vm.account().walletBalanceProperty().get();
        clickOn(cell(positionsTable(), 0, "col-marginMode"));
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<?> combo = (ComboBox<?>) cell(positionsTable(), 0, "col-marginMode").getGraphic();
        assertNotNull(combo, "Enter opens the drop-down");
        type(KeyCode.DOWN); // from the keyboard: Cross → Isolated
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(MarginMode.ISOLATED, vm.positions().get(0).marginModeProperty().get());
        assertTrue(inside(focusOwner(), positionsTable()), "focus stays in the table, not " + focusOwner());
        write("3");
        type(KeyCode.ESCAPE);
        assertEquals(wallet, vm.account().walletBalanceProperty().get());
    }

    @Test
    void theSideDropDownOpensAndChangesFromTheKeyboard() {
        clickOn(cell(positionsTable(), 0, "col-size"));
        type(KeyCode.LEFT);
        type(KeyCode.ENTER);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Side.SHORT, vm.positions().get(0).sideProperty().get());
        assertTrue(inside(focusOwner(), positionsTable()));
    }
}
