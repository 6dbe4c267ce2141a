package com.perprisk.ui.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppSettingsTest {
    @Test
    void defaultsWithoutAFile(@TempDir Path dir) {
        AppSettings s = AppSettings.load(dir);
        assertEquals(AppSettings.Theme.LIGHT, s.theme());
        assertTrue(s.firstRun());
        assertTrue(s.windowBounds().isEmpty());
        assertTrue(s.recentFiles().isEmpty());
    }

    @Test
    void roundTrip(@TempDir Path dir) {
        AppSettings s = AppSettings.load(dir);
        s.setTheme(AppSettings.Theme.DARK);
        s.setWindowBounds(new AppSettings.WindowBounds(10, 20, 1280, 800, false));
        s.markStarted();
        s.addRecentFile(dir.resolve("a.perprisk.json"));
        s.addRecentFile(dir.resolve("b.perprisk.json"));
        s.addRecentFile(dir.resolve("a.perprisk.json"));
        assertTrue(s.save().isEmpty());
        assertTrue(Files.isRegularFile(s.file()));

        AppSettings t = AppSettings.load(dir);
        assertEquals(AppSettings.Theme.DARK, t.theme());
        assertFalse(t.firstRun());
        assertEquals(new AppSettings.WindowBounds(10, 20, 1280, 800, false), t.windowBounds().orElseThrow());
        assertEquals(List.of(dir.resolve("a.perprisk.json").toAbsolutePath(),
                dir.resolve("b.perprisk.json").toAbsolutePath()), t.recentFiles());
    }

    @Test
    void recentListIsCapped(@TempDir Path dir) {
        AppSettings s = AppSettings.load(dir);
        for (int i = 0; i < 20; i++) {
            s.addRecentFile(dir.resolve(i + ".json"));
        }
        assertEquals(AppSettings.MAX_RECENT, s.recentFiles().size());
        assertEquals(dir.resolve("19.json").toAbsolutePath(), s.recentFiles().get(0));
    }

    @Test
    void corruptFileGivesDefaults(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("settings.properties"), "theme=PURPLE\nwindow.width=abc\n");
        AppSettings s = AppSettings.load(dir);
        assertEquals(AppSettings.Theme.LIGHT, s.theme());
        assertTrue(s.windowBounds().isEmpty());
    }

    @Test
    void systemPropertyMovesTheFolder() {
        // Surefire sets perprisk.settings.dir to target/test-settings
        String dir = System.getProperty(AppSettings.DIR_PROPERTY);
        if (dir != null) {
            assertEquals(Path.of(dir), AppSettings.defaultDirectory());
        }
        assertTrue(AppSettings.defaultDirectory().toString().length() > 0);
    }
}
