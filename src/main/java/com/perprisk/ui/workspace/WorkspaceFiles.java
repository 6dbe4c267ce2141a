package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The workspace's file operations: new, open, save, save as and loading a recovery copy, each keeping the
 * {@link SavedState} (the file, the document last saved there, the dirty flag and the title) in step with what the
 * file now holds. Reached through {@link WorkspaceViewModel#files()}; like the view model it runs on the thread that
 * owns the properties.
 *
 * <p>Opening a file and restoring a recovery copy are asynchronous ({@link #openAsync}, {@link #recoverAsync}):
 * reading, parsing and making the document ready ({@link PreparedDocument}: rows, document, results) run on the
 * worker given to {@link #runOn}; only showing it runs on the owner thread. While one is under way
 * {@link #openingProperty()} names it, and a second request is refused ({@link Busy}): the window takes no input
 * meanwhile, so nothing is typed into the document being replaced. Without {@link #runOn} (tests, the screenshot)
 * both run on the calling thread and the future is complete on return.
 */
public final class WorkspaceFiles {
    private final WorkspaceViewModel vm;
    private final SavedState saved;
    private Executor worker = Runnable::run;
    private Executor owner = Runnable::run;
    private final ReadOnlyObjectWrapper<String> opening = new ReadOnlyObjectWrapper<>(this, "opening");

    WorkspaceFiles(WorkspaceViewModel vm, SavedState saved) {
        this.vm = vm;
        this.saved = saved;
    }

    /** A request refused because another document is still being opened; nothing changed. */
    public static final class Busy extends IllegalStateException {
        Busy(String opening) {
            super("Still opening " + opening);
        }
    }

    /**
     * Where opening runs: {@code worker} reads and prepares the document (never the owner thread: a single
     * background thread in the app), {@code owner} shows it ({@code Platform::runLater} in the app).
     */
    public void runOn(Executor worker, Executor owner) {
        this.worker = worker;
        this.owner = owner;
    }

    /** The app's worker for {@link #runOn}: one background thread that reads and prepares documents, made once. */
    public static synchronized Executor backgroundThread() {
        if (appWorker == null) {
            appWorker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "perprisk-open");
                t.setDaemon(true);
                return t;
            });
        }
        return appWorker;
    }

    private static Executor appWorker;

    /** Where work that leaves the owner thread runs (other view models use it too: ranking every ADL queue). */
    public Executor worker() {
        return worker;
    }

    /** Where its results come back: the owner thread ({@code Platform::runLater} in the app). */
    public Executor owner() {
        return owner;
    }

    /** What is being opened (a file name, or "the recovered workspace"), or null when nothing is. */
    public ReadOnlyObjectProperty<String> openingProperty() {
        return opening.getReadOnlyProperty();
    }

    public boolean isOpening() {
        return opening.get() != null;
    }

    /** Starts a new, empty workspace (one market, no positions). */
    public void newWorkspace() {
        refuseWhileOpening();
        vm.load(Defaults.newDocument(), null);
    }

    /** Opens a workspace file at once, on this thread; on failure nothing changes and the exception names the problem. */
    public void open(Path path) throws WorkspaceException {
        refuseWhileOpening();
        WorkspaceDocument doc = WorkspaceCodec.read(path);
        vm.load(doc, path);
    }

    /**
     * Opens a workspace file: read, parsed and made ready on the worker, shown on the owner thread. The future
     * completes on the owner thread once the document is shown, or exceptionally with the {@link WorkspaceException}
     * (or other exception) that names the problem, and then nothing has changed; at once with {@link Busy} while
     * another document is being opened. Call on the owner thread.
     */
    public CompletableFuture<Void> openAsync(Path path) {
        Path name = path.getFileName();
        return load(name == null ? path.toString() : name.toString(), () -> WorkspaceCodec.read(path), path, false);
    }

    /**
     * Loads a recovery copy, read by {@code read} on the worker, as unsaved changes to {@code originalFile} (may be
     * null): Save then writes there. Completes like {@link #openAsync}.
     */
    public CompletableFuture<Void> recoverAsync(Reader read, Path originalFile) {
        return load("the recovered workspace", read, originalFile, true);
    }

    /** Reads a document (on the worker). */
    @FunctionalInterface
    public interface Reader {
        WorkspaceDocument read() throws WorkspaceException;
    }

    private CompletableFuture<Void> load(String what, Reader read, Path file, boolean recovered) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (isOpening()) {
            done.completeExceptionally(new Busy(opening.get()));
            return done;
        }
        opening.set(what);
        double move = vm.context().scenarioMoveProperty().get();
        try {
            worker.execute(() -> {
                PreparedDocument prepared;
                try {
                    prepared = vm.prepare(read.read(), move);
                } catch (WorkspaceException | RuntimeException | Error e) {
                    // whatever fails (even a stack overflow on hostile nesting), the window is never left waiting
                    owner.execute(() -> finish(done, e));
                    return;
                }
                owner.execute(() -> {
                    try {
                        vm.install(prepared, file);
                        if (recovered) {
                            saved.forgetSaved();
                            vm.saved(null);
                        }
                    } catch (RuntimeException | Error e) {
                        finish(done, e);
                        return;
                    }
                    finish(done, null);
                });
            });
        } catch (RejectedExecutionException e) {
            finish(done, e);
        }
        return done;
    }

    private void finish(CompletableFuture<Void> done, Throwable failure) {
        opening.set(null);
        if (failure == null) {
            done.complete(null);
        } else {
            done.completeExceptionally(failure);
        }
    }

    /** The cause behind a failed {@link #openAsync}/{@link #recoverAsync} as a future's callback sees it. */
    public static Throwable cause(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private void refuseWhileOpening() {
        if (isOpening()) {
            throw new Busy(opening.get());
        }
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
        refuseWhileOpening();
        vm.load(doc, originalFile);
        saved.forgetSaved();
        vm.saved(null);
    }
}
