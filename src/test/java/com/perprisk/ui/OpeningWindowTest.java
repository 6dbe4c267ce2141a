package com.perprisk.ui;

import com.perprisk.ui.support.ScriptedDialogs;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 13 in the real window: a file is read on a worker (held by this test until it lets it run), shown by
 * the FX thread. Meanwhile the status line says what is being opened, the menus are off and keys typed into the
 * table edit nothing; afterwards the table shows the new rows and takes input again.
 */
@Tag("ui")
class OpeningWindowTest extends ApplicationTest {
    private WorkspaceViewModel vm;
    private MainView view;
    /** The worker's tasks, run by the test thread when it chooses. */
    private final LinkedBlockingQueue<Runnable> worker = new LinkedBlockingQueue<>();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<String> errors = dialogs.errors;

    @Override
    public void start(Stage stage) {
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        vm.files().runOn(worker::add, Platform::runLater);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setDialogs(dialogs);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
        view.focusStart();
    }

    private String status() {
        return lookup("#status-text").queryLabeled().getText();
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> positionsTable() {
        return (TableView<Object>) (TableView<?>) view.positionsView().table();
    }

    @Test
    void whileAFileLoadsTheWindowTakesNoEditsThenShowsIt() throws Exception {
        Path file = Files.createTempFile("opening-", ".perprisk.json");
        file.toFile().deleteOnExit();
        WorkspaceCodec.write(TestDocs.positions(40, "Forty"), file);
        String sizeBefore = vm.positions().get(0).sizeProperty().get();

        CompletableFuture<Boolean>[] open = new CompletableFuture[1];
        interact(() -> open[0] = view.openFile(file));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(open[0].isDone());
        assertEquals("Opening " + file.getFileName() + "…", status());
        assertTrue(lookup("#menu-bar").queryAs(MenuBar.class).isDisabled(), "no menu while opening");

        // keys into the table: an edit of the old document would be lost when the new one is shown
        interact(() -> {
            positionsTable().requestFocus();
            MainView.selectFirstCell(positionsTable());
        });
        type(KeyCode.RIGHT, 3); // the size column (after ID, symbol, side)
        write("2"); // a digit starts editing the focused cell
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(sizeBefore, vm.positions().get(0).sizeProperty().get());
        assertFalse(vm.isDirty(), "nothing was typed into the document being replaced");
        assertEquals(1, positionsTable().getItems().size(), "the old document is shown whole meanwhile");

        Runnable read = worker.poll(10, TimeUnit.SECONDS);
        assertNotNull(read, "the file is read on the worker");
        read.run(); // on this (test) thread: not the FX thread
        assertTrue(open[0].get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(40, positionsTable().getItems().size());
        assertEquals("40 positions · 20 markets", status());
        assertFalse(lookup("#menu-bar").queryAs(MenuBar.class).isDisabled());
        assertEquals(file, vm.getFile());
        assertNull(view.getCursor());
        assertTrue(errors.isEmpty(), errors.toString());

        // and input is taken again, into the opened document
        interact(() -> {
            positionsTable().requestFocus();
            MainView.selectFirstCell(positionsTable());
        });
        type(KeyCode.RIGHT, 3);
        write("2");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("2", vm.positions().get(0).sizeProperty().get());
        assertTrue(vm.isDirty(), "typing edits the opened document");
    }

    @Test
    void aFileThatCannotBeReadIsNamedAndTheWindowKeepsItsDocument() throws Exception {
        Path bad = Files.createTempFile("broken-", ".perprisk.json");
        bad.toFile().deleteOnExit();
        Files.writeString(bad, "{ \"format\": \"perprisk-workspace\", \"version\": 2, \"markets\": [ }");
        var before = vm.toDocument();
        CompletableFuture<Boolean>[] open = new CompletableFuture[1];
        interact(() -> open[0] = view.openFile(bad));
        worker.poll(10, TimeUnit.SECONDS).run();
        assertFalse(open[0].get(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("Cannot open " + bad.getFileName() + ": "), errors.get(0));
        assertEquals(before, vm.toDocument());
        assertEquals("1 position · 2 markets", status());
        assertFalse(lookup("#menu-bar").queryAs(MenuBar.class).isDisabled());
    }
}
