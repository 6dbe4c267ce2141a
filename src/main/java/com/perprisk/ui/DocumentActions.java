package com.perprisk.ui;

import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.workspace.RecoveryStore;
import com.perprisk.ui.workspace.WorkspaceFiles;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * What File › New, Open, Save, Save As and the recovery banner do, on the {@link MainView.Dialogs} seam: no Node and
 * no screen needed, so tests drive them with dialogs answered in code. Every failure is a message in a dialog, never
 * a stack trace.
 */
public final class DocumentActions {
    /** The extension every workspace is saved with. */
    public static final String EXTENSION = ".perprisk.json";

    private final WorkspaceViewModel vm;
    private final AppSettings settings;
    private final Supplier<MainView.Dialogs> dialogs;
    private final Supplier<Window> window;

    /**
     * @param settings recent files are remembered there; {@code null} in tests and screenshots
     * @param dialogs  the dialogs in use (tests replace them)
     * @param window   the owner window for dialogs, or null
     */
    public DocumentActions(WorkspaceViewModel vm, AppSettings settings, Supplier<MainView.Dialogs> dialogs,
                           Supplier<Window> window) {
        this.vm = vm;
        this.settings = settings;
        this.dialogs = dialogs;
        this.window = window;
    }

    private MainView.Dialogs dialogs() {
        return dialogs.get();
    }

    public void newWorkspace() {
        if (!vm.files().isOpening() && confirmDiscard()) {
            vm.files().newWorkspace();
        }
    }

    public void openDialog() {
        if (vm.files().isOpening() || !confirmDiscard()) {
            return;
        }
        dialogs().chooseOpen(window.get()).ifPresent(this::openFile);
    }

    /**
     * Opens a file: read and made ready off the FX thread ({@link com.perprisk.ui.workspace.WorkspaceFiles#openAsync}),
     * then shown and remembered among the recent files; a failure is reported in a dialog that names the file and
     * why, and leaves the open workspace as it was. Completes with whether it opened, on the FX thread; at once with
     * false while another document is still being opened (that request is refused, nothing changes).
     */
    public CompletableFuture<Boolean> openFile(Path path) {
        if (vm.files().isOpening()) {
            return CompletableFuture.completedFuture(false);
        }
        return vm.files().openAsync(path).handle((ok, failure) -> {
            if (failure == null) {
                if (settings != null) {
                    settings.addRecentFile(path);
                    settings.save();
                }
                return true;
            }
            Throwable e = WorkspaceFiles.cause(failure);
            dialogs().error(window.get(), "Cannot open " + path.getFileName(), message(e));
            if (settings != null && !Files.exists(path)) {
                settings.removeRecentFile(path);
                settings.save();
            }
            return false;
        });
    }

    /** Saves to the current file, or asks for one; returns whether it was saved. */
    public boolean save() {
        if (vm.getFile() == null) {
            return saveAsDialog();
        }
        return saveTo(vm.getFile());
    }

    public boolean saveAsDialog() {
        Optional<Path> p = dialogs().chooseSave(window.get(), suggestedName(vm.nameProperty().get()));
        return p.isPresent() && saveTo(workspaceFile(p.get()));
    }

    public boolean saveTo(Path path) {
        try {
            vm.files().saveAs(path);
            if (settings != null) {
                settings.addRecentFile(path);
                settings.save();
            }
            return true;
        } catch (WorkspaceException | RuntimeException e) {
            dialogs().error(window.get(), "Cannot save " + path.getFileName(), message(e));
            return false;
        }
    }

    /** With unsaved changes, asks whether to save them; returns false when the user cancels. */
    public boolean confirmDiscard() {
        if (!vm.isDirty()) {
            return true;
        }
        return switch (dialogs().confirmUnsaved(window.get(), vm.nameProperty().get())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    // ------------------------------------------------------------------ crash recovery

    /**
     * Restores a recovery copy as unsaved changes to the file it belongs to (so Save writes there), after asking
     * about the current unsaved work; the copy is then removed (the restored work gets a fresh one). Read and made
     * ready off the FX thread like {@link #openFile}; completes with whether it was restored.
     */
    public CompletableFuture<Boolean> restore(RecoveryStore store, RecoveryStore.Entry entry) {
        if (vm.files().isOpening() || !confirmDiscard()) {
            return CompletableFuture.completedFuture(false);
        }
        return vm.files().recoverAsync(() -> store.read(entry), entry.originalFile()).handle((ok, failure) -> {
            store.delete(entry.key());
            if (failure == null) {
                return true;
            }
            dialogs().error(window.get(), "Cannot restore the recovered workspace",
                    message(WorkspaceFiles.cause(failure)));
            return false;
        });
    }

    /** What the banner says about one recovery copy: its name, its file (or untitled) and when it was edited. */
    public static String describe(RecoveryStore.Entry e, ZoneId zone, Locale locale) {
        String when = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", locale).withZone(zone).format(e.editedAt());
        String name = e.name() == null || e.name().isBlank() ? "Untitled" : e.name();
        String file = e.originalFile() == null ? "never saved" : e.originalFile().toString();
        return "\"" + name + "\" (" + file + "), last edited " + when;
    }

    // ------------------------------------------------------------------ names

    /** The name the Save dialog proposes: the workspace's name made file-safe, with {@link #EXTENSION}. */
    public static String suggestedName(String workspaceName) {
        String base = workspaceName == null || workspaceName.isBlank() ? "workspace"
                : workspaceName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return base + EXTENSION;
    }

    /**
     * The file a workspace is saved to from what the Save dialog returned: a name without an extension gets
     * {@link #EXTENSION} ({@code my-trades} → {@code my-trades.perprisk.json}), and so does one the dialog ended in a
     * bare {@code .json} it added ({@code my-trades.json} → {@code my-trades.perprisk.json}) unless that file exists
     * (the user chose it to overwrite) or its stem has a dot of its own; any other name gets {@link #EXTENSION} too
     * ({@code notes.txt} → {@code notes.txt.perprisk.json}).
     */
    public static Path workspaceFile(Path chosen) {
        Path name = chosen.getFileName();
        if (name == null) {
            return chosen;
        }
        String n = name.toString();
        String lower = n.toLowerCase(Locale.ROOT);
        if (lower.endsWith(EXTENSION)) {
            return chosen;
        }
        if (lower.endsWith(".json")) {
            if (Files.exists(chosen) || n.substring(0, n.length() - ".json".length()).contains(".")) {
                return chosen;
            }
            return chosen.resolveSibling(n.substring(0, n.length() - ".json".length()) + EXTENSION);
        }
        return chosen.resolveSibling((n.endsWith(".") ? n.substring(0, n.length() - 1) : n) + EXTENSION);
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : com.perprisk.io.Messages.oneLine(e.getMessage());
    }
}
