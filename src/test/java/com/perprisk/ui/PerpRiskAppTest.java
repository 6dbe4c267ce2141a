package com.perprisk.ui;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.ui.settings.AppSettings;
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
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        return lookup("#main-view").queryAs(MainView.class);
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
        Files.createDirectories(s.autosaveDirectory());
        WorkspaceCodec.write(TestDocs.isolatedLong().withName("Recovered work"), s.autosaveFile());
        Files.writeString(s.sessionMarker(), "999999999"); // a process that no longer runs

        MainView view = start();
        assertNotNull(lookup("#recovery-banner").query());
        clickOn("#recover-restore");
        WaitForAsyncUtils.waitForFxEvents();
        WorkspaceViewModel vm = view.viewModel();
        assertEquals("Recovered work", vm.nameProperty().get());
        assertTrue(vm.isDirty(), "restored work is unsaved");
        assertTrue(lookup("#recovery-banner").tryQuery().isEmpty());
        assertFalse(Files.exists(s.autosaveFile()));
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
