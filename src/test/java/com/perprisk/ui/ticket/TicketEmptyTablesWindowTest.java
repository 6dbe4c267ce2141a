package com.perprisk.ui.ticket;

import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2.7: with no order typed the ticket's tables are empty, and still show their headers whole ("Figure",
 * "Account", "Position" were squeezed to nothing) beside their placeholder, at the normal and the presentation size.
 */
class TicketEmptyTablesWindowTest extends MainWindowHarness {
    /** Each header of the table whose title does not fit its column (cut, or no room at all). */
    private static List<String> squeezed(TableView<?> t) {
        List<String> out = new ArrayList<>();
        for (Node n : t.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null
                    && h.getTableColumn().getColumns().isEmpty() && h.isVisible()) {
                javafx.scene.control.TableColumnBase<?, ?> c = h.getTableColumn();
                Label label = (Label) h.lookup(".label");
                Text measure = new Text(c.getText());
                measure.setFont(label.getFont());
                double need = measure.getLayoutBounds().getWidth();
                Node shown = label.lookup(".text");
                String text = shown instanceof Text tx ? tx.getText() : "";
                if (c.getWidth() < need + 4 || !c.getText().equals(text)) {
                    out.add(t.getId() + " \"" + c.getText() + "\" " + c.getWidth() + " px shows \"" + text + "\"");
                }
            }
        }
        return out;
    }

    private void check(String when) {
        for (int i = 0; i < 4; i++) {
            WaitForAsyncUtils.sleep(80, java.util.concurrent.TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
        }
        TicketView ticket = view.ticket().view();
        List<String> wrong = new ArrayList<>();
        for (TableView<?> t : List.of(ticket.figuresTable(), ticket.accountTable(), ticket.positionsTable())) {
            assertTrue(t.getItems().isEmpty(), t.getId() + " empty before an order is typed");
            wrong.addAll(squeezed(t));
        }
        assertTrue(wrong.isEmpty(), when + ":\n" + String.join("\n", wrong));
    }

    @Test
    void emptyTablesKeepTheirHeaders() {
        push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        check("normal size");
        fx(() -> view.setPresentation(true));
        check("presentation size");
        fx(() -> view.setPresentation(false));
        check("normal size again");
    }

    /**
     * In a real window the ticket's tables are measured before their header row is laid out (the tab's first show),
     * when no header can be found: the column is then still given its title's width, not 30 px ("…").
     */
    @Test
    void aColumnMeasuredBeforeItsHeaderExistsStillFitsItsTitle() {
        double[] widths = new double[2];
        fx(() -> {
            TableView<String> table = new TableView<>();
            var column = new javafx.scene.control.TableColumn<String, String>("Account");
            table.getColumns().add(column);
            Text title = new Text("Account");
            widths[0] = TicketTables.headerWidth(table, column); // no skin, no header yet
            widths[1] = title.getLayoutBounds().getWidth();
        });
        assertTrue(widths[0] >= widths[1] + 8, "a header-less column is " + widths[0] + " px for a title of "
                + widths[1] + " px");
    }
}
