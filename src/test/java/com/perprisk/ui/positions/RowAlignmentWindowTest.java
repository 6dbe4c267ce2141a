package com.perprisk.ui.positions;

import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 3: result rows drifted out of line with their headers (the Binance FAQ sample, or a size of 5000
 * in the demo): values shifted right by a column until the table was clicked. Every cell sits under its header.
 */
class RowAlignmentWindowTest extends MainWindowHarness {
    /** Each visible cell's left edge and width against its column header's, in scene coordinates. */
    static List<String> misaligned(MainWindowHarness t, TableView<?> table) {
        List<String> out = new ArrayList<>();
        WaitForAsyncUtils.waitForFxEvents();
        t.interact(() -> {
            for (Node n : table.lookupAll(".column-header")) {
                if (!(n instanceof TableColumnHeader h) || h.getTableColumn() == null
                        || !h.getTableColumn().getColumns().isEmpty() || !h.isVisible()) {
                    continue;
                }
                javafx.scene.control.TableColumnBase<?, ?> col = h.getTableColumn();
                double hx = h.localToScene(0, 0).getX();
                for (Node c : table.lookupAll(".table-cell")) {
                    if (c instanceof TableCell<?, ?> cell && cell.getTableColumn() == col && cell.isVisible()
                            && !cell.isEmpty() && cell.getParent() != null && cell.getParent().isVisible()) {
                        double cx = cell.localToScene(0, 0).getX();
                        if (Math.abs(cx - hx) > 1 || Math.abs(cell.getWidth() - h.getWidth()) > 1) {
                            out.add(col.getId() + " row " + cell.getIndex() + ": cell x " + cx + " w "
                                    + cell.getWidth() + ", header x " + hx + " w " + h.getWidth());
                        }
                    }
                }
            }
        });
        return out;
    }

    @Test
    void theBinanceFaqSampleOpensAligned() throws Exception {
        WorkspaceDocument faq = Samples.open("binance-faq-cross");
        fx(() -> vm.load(faq, null));
        List<String> bad = misaligned(this, positionsTable());
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void aLargeSizeKeepsTheRowsUnderTheirHeaders() {
        typeInto(positionsTable(), 0, "col-size", "5000");
        assertEquals("5000", vm.positions().get(0).sizeProperty().get());
        List<String> bad = misaligned(this, positionsTable());
        assertTrue(bad.isEmpty(), String.join("\n", bad));
        assertTrue(misaligned(this, view.marketsView().table()).isEmpty());
    }
}
