package com.perprisk.ui.workspace;

import java.nio.file.Path;

/**
 * Keeps the open document's recovery copy in step with it: every change with unsaved work (re)starts the
 * {@link RecoveryWriter}'s short delay; a save, a discard or another document removes the copy. The copy is keyed
 * by the document's file (one per open document, so two windows never share one), or by an id while untitled.
 */
public final class DocumentRecovery {
    private final WorkspaceViewModel vm;
    private final RecoveryWriter writer;
    private String untitledKey = RecoveryStore.untitledKey();
    private String key;

    public DocumentRecovery(WorkspaceViewModel vm, RecoveryWriter writer) {
        this.vm = vm;
        this.writer = writer;
        this.key = currentKey();
        vm.documentProperty().addListener((obs, o, doc) -> {
            if (vm.isDirty()) {
                changed();
            }
        });
        vm.dirtyProperty().addListener((obs, was, dirty) -> {
            if (dirty) {
                changed();
            } else {
                writer.discard(key);
            }
        });
        vm.fileProperty().addListener((obs, o, n) -> rekey());
        vm.loadsProperty().addListener((obs, o, n) -> {
            untitledKey = RecoveryStore.untitledKey();
            rekey();
        });
        if (vm.isDirty()) {
            changed();
        }
    }

    /** The key the current document's copy is saved under. */
    public String key() {
        return key;
    }

    private String currentKey() {
        Path f = vm.getFile();
        return f == null ? untitledKey : RecoveryStore.keyFor(f);
    }

    private void rekey() {
        String next = currentKey();
        if (!next.equals(key)) {
            writer.discard(key);
            key = next;
        }
        if (vm.isDirty()) {
            changed();
        }
    }

    private void changed() {
        writer.changed(key, vm.documentProperty().get() != null ? vm.documentProperty().get() : vm.toDocument(),
                vm.getFile());
    }

    /** The window closes normally (the user saved or chose not to): the copy goes. */
    public void closed() {
        writer.discard(key);
    }
}
