package com.perprisk.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: the start-up class list that {@link StartupPrefetch} loads while the toolkit starts is current: every
 * class it names exists (a renamed or removed class fails here: run {@code installers/startup-classes.sh}), none is
 * named twice, and it names the app's own first-frame classes, not generated ones.
 */
class StartupClassesTest {
    private static List<String> names() throws IOException {
        try (InputStream in = StartupPrefetch.class.getResourceAsStream(StartupPrefetch.CLASS_LIST)) {
            assertNotNull(in, StartupPrefetch.CLASS_LIST);
            List<String> names = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    names.add(line);
                }
            }
            return names;
        }
    }

    @Test
    void everyClassTheListNamesExistsOnce() throws IOException {
        List<String> names = names();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            try {
                Class.forName(name, false, StartupPrefetch.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                missing.add(name);
            }
        }
        assertEquals(List.of(), missing, "run installers/startup-classes.sh to write the list anew");
        Set<String> seen = new HashSet<>();
        assertTrue(names.stream().allMatch(seen::add), "a name is listed twice");
        assertTrue(names.stream().noneMatch(n -> n.contains("$$Lambda") || n.contains("/")), "generated classes");
    }

    @Test
    void itNamesTheFirstFramesOwnClassesAndLoadingThemRunsNoneOfTheirCode() throws IOException {
        List<String> names = names();
        for (String c : List.of("com.perprisk.ui.PerpRiskApp", "com.perprisk.ui.MainView",
                "com.perprisk.ui.positions.PositionsView", "javafx.scene.control.skin.TableViewSkin")) {
            assertTrue(names.contains(c), c);
        }
        assertEquals(names.size(), StartupPrefetch.loadStartupClasses(), "every listed class loads");
    }
}
