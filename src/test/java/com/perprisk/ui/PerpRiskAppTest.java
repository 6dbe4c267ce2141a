package com.perprisk.ui;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.workspace.RecoveryStore;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole application as started from the launcher: first start, settings, crash recovery. */
@Tag("ui")
class PerpRiskAppTest extends FxRobot {
    private Path dir;

    @BeforeEach
    void cleanSettings() throws Exception {
        dir = AppSettings.defaultDirectory();
        assertTrue(dir.toString().contains("test-settings") || System.getProperty(AppSettings.DIR_PROPERTY) != null,
                "tests must not touch the user's settings: " + dir);
        deleteTree(dir);
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private javafx.application.Application app;

    private MainView start() throws Exception {
        app = FxToolkit.setupApplication(PerpRiskApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        MainView view = lookup("#main-view").queryAs(MainView.class);
        opened(view);
        return view;
    }

    /** Waits until the window has shown the file it opens (read off the FX thread) or reported why it could not. */
    private static void opened(MainView view) throws Exception {
        WaitForAsyncUtils.waitFor(30, java.util.concurrent.TimeUnit.SECONDS,
                () -> !view.viewModel().files().isOpening());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void firstStartOpensTheDemoAndRemembersTheSession() throws Exception {
        MainView view = start();
        WorkspaceViewModel vm = view.viewModel();
        assertFalse(vm.positions().isEmpty(), "the demo has positions");
        assertNotNull(vm.context().getRisk(), vm.problems().toString());
        assertFalse(vm.isDirty());
        assertTrue(Files.exists(AppSettings.load().sessionMarker()), "a running session is marked");
        Stage stage = (Stage) view.getScene().getWindow();
        assertTrue(stage.getTitle().endsWith("PerpRisk"));

        FxToolkit.cleanupApplication(app);
        AppSettings after = AppSettings.load();
        assertFalse(after.firstRun());
        assertTrue(after.windowBounds().isPresent());
        assertFalse(Files.exists(after.sessionMarker()), "a clean exit removes the marker");
    }

    @Test
    void aCrashLeavesAnAutosaveThatCanBeRestored() throws Exception {
        AppSettings s = AppSettings.load();
        Path original = dir.resolve("original.perprisk.json");
        Files.createDirectories(dir);
        WorkspaceCodec.write(TestDocs.isolatedLong(), original);
        Files.setLastModifiedTime(original, java.nio.file.attribute.FileTime.from(java.time.Instant.EPOCH));
        RecoveryStore store = new RecoveryStore(s.autosaveDirectory());
        String key = RecoveryStore.keyFor(original);
        store.save(key, TestDocs.isolatedLong().withName("Recovered work"), original, java.time.Instant.now());
        store.save(RecoveryStore.untitledKey(), TestDocs.isolatedLong().withName("Second window"), null,
                java.time.Instant.now().minusSeconds(60));

        MainView view = start();
        assertNotNull(lookup("#recovery-banner").query());
        String banner = lookup("#recovery-banner .label").queryAll().stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
        assertTrue(banner.contains("\"Recovered work\" (" + original.toAbsolutePath().normalize() + "), last edited"),
                banner);
        assertTrue(banner.contains("\"Second window\" (never saved)"), "every copy is offered: " + banner);
        clickOn("#recover-restore");
        opened(view);
        WorkspaceViewModel vm = view.viewModel();
        assertEquals("Recovered work", vm.nameProperty().get());
        assertEquals(original.toAbsolutePath().normalize(), vm.getFile(), "the restored work keeps its file");
        assertTrue(vm.isDirty(), "restored work is unsaved");
        assertFalse(store.has(key) && !Files.exists(s.autosaveDirectory().resolve(key + ".perprisk.json")));
        assertNotNull(lookup("#recovery-banner").query(), "the second copy is still offered");
        clickOn("#recover-discard-1");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(lookup("#recovery-banner").tryQuery().isEmpty());
    }

    @Test
    void anUnreadableMostRecentFileOpensTheDemoAndSaysWhy() throws Exception {
        Path bad = dir.resolve("hostile.perprisk.json");
        Files.createDirectories(dir);
        Files.writeString(bad, WorkspaceCodec.toJson(TestDocs.isolatedLong()).replaceFirst(
                "\"walletBalance\": [0-9.]+", "\"walletBalance\": 1e9999999999"));
        AppSettings s = AppSettings.load();
        s.markStarted();
        s.addRecentFile(bad);
        s.save();

        MainView view = start();
        WorkspaceViewModel vm = view.viewModel();
        assertFalse(vm.positions().isEmpty(), "the demo is open");
        assertNull(vm.getFile());
        WaitForAsyncUtils.waitForFxEvents();
        String shown = lookup(".dialog-pane").queryAll().stream()
                .map(n -> ((javafx.scene.control.DialogPane) n).getContentText()).reduce("", String::concat);
        assertTrue(shown.contains(bad.toString()) && shown.contains("account.walletBalance")
                && shown.contains("demo"), shown);
        for (javafx.stage.Window w : new ArrayList<>(javafx.stage.Window.getWindows())) {
            if (w != view.getScene().getWindow()) {
                interact(() -> ((Stage) w).close());
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
