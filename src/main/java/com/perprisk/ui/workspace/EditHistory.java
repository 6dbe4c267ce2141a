package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceDocument;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * Undo and redo as document snapshots: each step keeps the whole document from before the edit. Typing in one
 * field within a second is one step; a batch (preset, import, add with a new market) is one step; at most
 * {@value #MAX_UNDO} steps are kept.
 */
final class EditHistory {
    private static final int MAX_UNDO = 200;
    private static final long COALESCE_NANOS = 1_000_000_000L;

    private final Deque<WorkspaceDocument> undo = new ArrayDeque<>();
    private final Deque<WorkspaceDocument> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo;
    private final ReadOnlyBooleanWrapper canRedo;
    private Object lastEditKey;
    private long lastEditTime;
    private LongSupplier clock = System::nanoTime;

    EditHistory(Object bean) {
        canUndo = new ReadOnlyBooleanWrapper(bean, "canUndo");
        canRedo = new ReadOnlyBooleanWrapper(bean, "canRedo");
    }

    ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** The clock used to merge quick edits of one field into one step. */
    void setClock(LongSupplier clock) {
        this.clock = clock;
    }

    /** Forgets every step (a document was loaded). */
    void clear() {
        undo.clear();
        redo.clear();
        lastEditKey = null;
    }

    /**
     * A user edit of one field changed the document from {@code before}: a new step, unless it continues typing in
     * the same field (not a list: adding and removing rows is always a step of its own).
     */
    void edited(WorkspaceDocument before, Object field, boolean list) {
        long now = clock.getAsLong();
        boolean coalesce = field == lastEditKey && now - lastEditTime < COALESCE_NANOS && !list;
        if (!coalesce && before != null) {
            undo.push(before);
            while (undo.size() > MAX_UNDO) {
                undo.removeLast();
            }
        }
        redo.clear();
        lastEditKey = field;
        lastEditTime = now;
    }

    /** Several edits changed the document from {@code before} as one step. */
    void batched(WorkspaceDocument before) {
        undo.push(before);
        redo.clear();
        lastEditKey = null;
    }

    /** The document to go back to, keeping {@code current} for redo; null when there is nothing to undo. */
    WorkspaceDocument undo(WorkspaceDocument current) {
        return step(undo, redo, current);
    }

    /** The document to go forward to, keeping {@code current} for undo; null when there is nothing to redo. */
    WorkspaceDocument redo(WorkspaceDocument current) {
        return step(redo, undo, current);
    }

    private WorkspaceDocument step(Deque<WorkspaceDocument> from, Deque<WorkspaceDocument> to,
                                   WorkspaceDocument current) {
        if (from.isEmpty()) {
            return null;
        }
        to.push(current);
        lastEditKey = null;
        return from.pop();
    }

    /** Publishes whether there is something to undo and to redo. */
    void publish() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
    }
}
