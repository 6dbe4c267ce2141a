package com.perprisk.ui.support;

import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The real main window on a workspace a test chooses, with helpers to reach its cells. */
public abstract class MainWindowHarness extends ApplicationTest {
    protected WorkspaceViewModel vm;
    protected RiskContext ctx;
    protected MainView view;
    protected Stage stage;
    protected ThemeManager theme;

    /** The workspace the window opens with: the demo unless a test says otherwise. */
    protected WorkspaceDocument startDocument() {
        try {
            return com.perprisk.io.Samples.demo();
        } catch (com.perprisk.io.WorkspaceException e) {
            throw new IllegalStateException(e);
        }
    }

    protected double width() {
        return 1280;
    }

    protected double height() {
        return 800;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(startDocument(), null);
        theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setOnExit(stage::hide);
        stage.setScene(new Scene(view, width(), height()));
        stage.sizeToScene(); // the stage is shared by every test: a size one test gave it must not stay
        theme.attach(view);
        stage.show();
        view.focusStart();
    }

    protected TableView<?> positionsTable() {
        return view.positionsView().table();
    }

    protected TableCell<?, ?> cell(TableView<?> table, int row, String columnId) {
        WaitForAsyncUtils.waitForFxEvents();
        return lookup((Node n) -> n instanceof TableCell<?, ?> c && c.getTableView() == table && c.getIndex() == row
                && c.getTableColumn() != null && columnId.equals(c.getTableColumn().getId()) && c.isVisible())
                .query();
    }

    protected String text(TableView<?> table, int row, String columnId) {
        return cell(table, row, columnId).getText();
    }

    /** Clicks a cell, opens its editor (Enter), types the text and Enter to commit. */
    protected void typeInto(TableView<?> table, int row, String columnId, String text) {
        clickOn(cell(table, row, columnId));
        WaitForAsyncUtils.waitForFxEvents();
        if (lookup(".cell-editor").tryQuery().isEmpty()) {
            type(KeyCode.ENTER);
        }
        assertNotNull(lookup(".cell-editor").queryAs(TextField.class), "the cell opens an editor");
        write(text);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The node that has the keyboard. */
    protected Node focusOwner() {
        WaitForAsyncUtils.waitForFxEvents();
        return stage.getScene().getFocusOwner();
    }

    protected static boolean inside(Node n, Node ancestor) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /**
     * Labels, buttons and cells whose text is shown cut ("…") although their own text is not: what a reader cannot
     * read. Only nodes that are visible in the window count.
     */
    public static java.util.List<String> truncated(javafx.scene.Parent root) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (Node n : root.lookupAll(".text")) {
            if (n instanceof javafx.scene.text.Text t && t.getParent() instanceof javafx.scene.control.Labeled l
                    && l.getText() != null && !l.getText().isEmpty() && !l.getText().equals(t.getText())
                    && t.getText() != null && cut(t.getText()) && !cut(l.getText())
                    && showing(l)) {
                out.add(l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " \""
                        + l.getText() + "\" shown as \"" + t.getText() + "\"");
            }
        }
        return out;
    }

    /** JavaFX cuts with "..." (its default ellipsis), our own texts with "…". */
    private static boolean cut(String s) {
        return s.endsWith("…") || s.endsWith("...");
    }

    /** Visible all the way up (a hidden tab's content or a scrolled-out cell does not count). */
    public static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        if (n instanceof javafx.scene.control.IndexedCell<?> c && c.isEmpty()) {
            return false;
        }
        return n.getScene() != null;
    }

    protected void fx(Runnable r) {
        interact(r);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
