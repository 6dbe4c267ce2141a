package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceDocument;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Which file the workspace belongs to, the document last saved there, and so whether there are unsaved changes;
 * with the window title that shows both.
 */
final class SavedState {
    private final ReadOnlyObjectWrapper<Path> file;
    private final ReadOnlyBooleanWrapper dirty;
    private final ReadOnlyStringWrapper title;
    private final ObservableStringValue name;
    /** The document as it is in the file, or null when there is nothing saved to compare with. */
    private WorkspaceDocument saved;

    SavedState(Object bean, ObservableStringValue name) {
        this.name = name;
        file = new ReadOnlyObjectWrapper<>(bean, "file");
        dirty = new ReadOnlyBooleanWrapper(bean, "dirty");
        title = new ReadOnlyStringWrapper(bean, "title");
        title.bind(Bindings.createStringBinding(this::computeTitle, name, file, dirty));
    }

    ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** {@code doc} is what {@code path} (may be null: not saved anywhere yet) now holds. */
    void savedAs(Path path, WorkspaceDocument doc) {
        file.set(path);
        saved = doc;
    }

    /** Nothing to compare with: every state counts as unsaved (a recovered copy). */
    void forgetSaved() {
        saved = null;
    }

    /** Updates the dirty flag for the current inputs. */
    void compare(WorkspaceDocument current) {
        dirty.set(!Objects.equals(current, saved));
    }

    /** "name — file.perprisk.json • — PerpRisk", with the dot while there are unsaved changes. */
    private String computeTitle() {
        StringBuilder sb = new StringBuilder();
        String n = name.get();
        sb.append(n == null || n.isBlank() ? "Untitled" : n);
        Path f = file.get();
        if (f != null && f.getFileName() != null) {
            sb.append(" — ").append(f.getFileName());
        }
        if (dirty.get()) {
            sb.append(" •");
        }
        sb.append(" — PerpRisk");
        return sb.toString();
    }
}
