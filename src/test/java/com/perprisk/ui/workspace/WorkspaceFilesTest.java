package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workspace's file operations without a screen: save, save as, failure, recovery. */
class WorkspaceFilesTest {
    private WorkspaceViewModel vm;
    private WorkspaceFiles files;

    @BeforeEach
    void setUp() {
        vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.isolatedLong(), null);
        files = vm.files();
    }

    @Test
    void saveWithoutAFileAsksForSaveAs() {
        assertThrows(IllegalStateException.class, files::save);
        assertNull(vm.getFile());
    }

    @Test
    void saveWritesTheEditsToTheCurrentFileAndClearsTheDot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.perprisk.json");
        files.saveAs(file);
        vm.positions().get(0).sizeProperty().set("0.25");
        assertTrue(vm.isDirty());
        assertTrue(vm.titleProperty().get().contains("•"));
        files.save();
        assertFalse(vm.isDirty());
        assertFalse(vm.titleProperty().get().contains("•"));
        assertEquals(file, vm.getFile());
        assertEquals(vm.toDocument(), WorkspaceCodec.read(file));
        assertEquals("0.25", WorkspaceCodec.read(file).positions().get(0).size().toString());
    }

    @Test
    void aFailedSaveKeepsTheFileAndTheDirtyFlag(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.perprisk.json");
        files.saveAs(file);
        vm.positions().get(0).sizeProperty().set("0.25");
        Path folder = Files.createDirectory(dir.resolve("a-folder"));
        assertThrows(WorkspaceException.class, () -> files.saveAs(folder));
        assertEquals(file, vm.getFile());
        assertTrue(vm.isDirty());
        assertEquals(TestDocs.isolatedLong().positions().get(0).size(), WorkspaceCodec.read(file).positions().get(0)
                .size());
    }

    @Test
    void aRecoveredCopyIsUnsavedAndSavesToItsOriginalFile(@TempDir Path dir) throws Exception {
        Path original = dir.resolve("orig.perprisk.json");
        WorkspaceCodec.write(TestDocs.isolatedLong(), original);
        var copy = TestDocs.isolatedLong().withName("recovered");
        files.recover(copy, original);
        assertTrue(vm.isDirty(), "a recovered copy counts as unsaved even when it equals the file");
        assertEquals(original, vm.getFile());
        files.save();
        assertFalse(vm.isDirty());
        assertEquals("recovered", WorkspaceCodec.read(original).name());
    }
}
