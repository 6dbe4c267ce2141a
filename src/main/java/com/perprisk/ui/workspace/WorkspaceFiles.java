package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;

import java.nio.file.Path;

/**
 * The workspace's file operations: new, open, save, save as and loading a recovery copy, each keeping the
 * {@link SavedState} (the file, the document last saved there, the dirty flag and the title) in step with what the
 * file now holds. Reached through {@link WorkspaceViewModel#files()}; like the view model it runs on the thread that
 * owns the properties.
 */
public final class WorkspaceFiles {
    private final WorkspaceViewModel vm;
    private final SavedState saved;

    WorkspaceFiles(WorkspaceViewModel vm, SavedState saved) {
        this.vm = vm;
        this.saved = saved;
    }

    /** Starts a new, empty workspace (one market, no positions). */
    public void newWorkspace() {
        vm.load(Defaults.newDocument(), null);
    }

    /** Opens a workspace file; on failure nothing changes and the exception names the problem. */
    public void open(Path path) throws WorkspaceException {
        WorkspaceDocument doc = WorkspaceCodec.read(path);
        vm.load(doc, path);
    }

    /** Saves to the current file. */
    public void save() throws WorkspaceException {
        if (vm.getFile() == null) {
            throw new IllegalStateException("no file yet: use saveAs");
        }
        saveAs(vm.getFile());
    }

    /** Saves to a file (atomically) and makes it the current file; on failure the state is unchanged. */
    public void saveAs(Path path) throws WorkspaceException {
        WorkspaceDocument doc = vm.toDocument();
        WorkspaceCodec.write(doc, path);
        saved.savedAs(path, doc);
        vm.saved(doc);
    }

    /** Loads a recovery copy as unsaved changes to {@code originalFile} (may be null): Save then writes there. */
    public void recover(WorkspaceDocument doc, Path originalFile) {
        vm.load(doc, originalFile);
        saved.forgetSaved();
        vm.saved(null);
    }
}
