package com.perprisk.ui.positions;

import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dense tables' rows have a fixed height, so a table lays out only the cells in view; their columns still fit
 * their values. The symbol columns (and the positions' notional and bankruptcy price) are as wide as their widest
 * value + 10 px, as JavaFX sizes a column left at its default width, but measured from the values' texts in their
 * own fonts (JavaFX built and styled a row of every cell for it): the same width whether the workspace was open
 * before the window showed or opened after.
 */
class ColumnWidthsWindowTest extends MainWindowHarness {
    private void open(String sample) {
        fx(() -> {
            try {
                vm.load(Samples.open(sample), null);
            } catch (WorkspaceException e) {
                throw new IllegalStateException(e);
            }
        });
        for (int i = 0; i < 4; i++) { // widened columns settle over a pulse or two
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private List<TableCell<?, ?>> cells(TableView<?> table, String columnId) {
        List<TableCell<?, ?>> out = new ArrayList<>();
        for (Node n : table.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                    && columnId.equals(c.getTableColumn().getId()) && !c.isEmpty() && c.getText() != null
                    && !c.getText().isEmpty() && c.isVisible() && c.getParent() != null) {
                out.add(c);
            }
        }
        return out;
    }

    private static double textWidth(TableCell<?, ?> c) {
        Text t = new Text(c.getText());
        t.setFont(c.getFont());
        return t.getLayoutBounds().getWidth();
    }

    private static TableColumn<?, ?> column(TableView<?> table, String id) {
        return table.getVisibleLeafColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    /** The widest value of the column in its own font and padding + 10 px, JavaFX's width for it. */
    private void assertContentWidth(TableView<?> table, String columnId, String widest) {
        List<TableCell<?, ?>> cells = cells(table, columnId);
        assertTrue(cells.stream().anyMatch(c -> c.getText().equals(widest)), columnId + " shows " + widest);
        double expected = cells.stream()
                .mapToDouble(c -> textWidth(c) + c.snappedLeftInset() + c.snappedRightInset()).max().orElseThrow() + 10;
        assertEquals(expected, column(table, columnId).getWidth(), 1e-6, columnId);
    }

    @Test
    void theSymbolColumnsFitTheWidestSymbolOfAWorkspaceOpenedAfterTheWindowShowed() {
        open("coin-margined-mix");
        TableView<?> positions = positionsTable();
        assertContentWidth(positions, "col-symbol", "BTCUSD_PERP");
        assertContentWidth(positions, "col-notional", "48,000.00 USDT");
        assertContentWidth(view.marketsView().table(), "market-col-symbol", "BTCUSD_PERP");
        // and back on the demo's shorter symbols the columns are sized again, not left at the coin sample's width
        open("demo");
        assertContentWidth(positions, "col-symbol", "BTCUSDT");
        assertContentWidth(view.marketsView().table(), "market-col-symbol", "BTCUSDT");
        assertEquals(List.of(), truncated(view), "nothing cut");
    }

    @Test
    void withRowsOfAFixedHeightEveryValueShownStillFitsItsColumn() {
        open("coin-margined-mix");
        TableView<?> positions = positionsTable();
        assertTrue(positions.getFixedCellSize() > 0, "the dense table's rows have a fixed height");
        List<String> cut = new ArrayList<>();
        for (TableColumn<?, ?> col : positions.getVisibleLeafColumns()) {
            for (TableCell<?, ?> c : cells(positions, col.getId())) {
                double need = textWidth(c) + c.snappedLeftInset() + c.snappedRightInset();
                if (need > col.getWidth() + 0.5) {
                    cut.add(col.getId() + " \"" + c.getText() + "\" needs " + need + " in " + col.getWidth());
                }
            }
        }
        assertEquals(List.of(), cut);
        assertEquals(List.of(), truncated(view), "nothing cut");
        // no column is left at JavaFX's default 80 px, which would make JavaFX build a row of cells to size it
        for (TableView<?> t : List.of(positions, view.marketsView().table())) {
            for (TableColumn<?, ?> col : t.getVisibleLeafColumns()) {
                assertNotEquals(80.0, col.getPrefWidth(), col.getId());
            }
        }
    }
}
