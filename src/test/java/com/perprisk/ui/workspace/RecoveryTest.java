package com.perprisk.ui.workspace;

import com.perprisk.ui.support.ScriptedDialogs;
import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.DocumentActions;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 items 7–10, without a screen: recovery never offers what is older than the saved file and says what it
 * restores; copies are written shortly after the last edit by the scheduler, not by the caller; one copy per open
 * document; a restored workspace keeps its file. Time is a hand-driven clock: nothing here waits on the wall clock.
 */
class RecoveryTest {
    @TempDir
    Path dir;
    private Path recoveryDir;
    private final ManualScheduler scheduler = new ManualScheduler();
    private RecoveryStore store;
    private RecoveryWriter writer;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeEach
    void setUp() {
        recoveryDir = dir.resolve("autosave");
        store = new RecoveryStore(recoveryDir, 100, pid -> false);
        writer = new RecoveryWriter(store, scheduler, scheduler.clock());
    }

    private WorkspaceViewModel newVm() {
        return new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
    }

    /** The store as the next start sees it, after this process died. */
    private RecoveryStore afterCrash() {
        return new RecoveryStore(recoveryDir, 200, pid -> false);
    }

    private static void setWallet(WorkspaceViewModel vm, String value) {
        vm.account().walletBalanceProperty().set(value);
    }

    private static double wallet(WorkspaceDocument d) {
        return d.account().walletBalance();
    }

    // ------------------------------------------------------------------ 7. never older than the saved file

    @Test
    void aSaveRemovesTheCopySoACrashAfterItRestoresNothingOld() throws Exception {
        Path file = dir.resolve("work.perprisk.json");
        WorkspaceCodec.write(TestDocs.isolatedLong(), file);
        WorkspaceViewModel vm = newVm();
        vm.files().open(file);
        DocumentRecovery recovery = new DocumentRecovery(vm, writer);
        DocumentActions actions = new DocumentActions(vm, null, () -> dialogs, () -> null);

        setWallet(vm, "11111");
        scheduler.advance(Duration.ofSeconds(2));
        assertTrue(store.has(recovery.key()), "the autosave of the first edit");
        setWallet(vm, "22222");
        assertTrue(actions.save());
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(22222, wallet(WorkspaceCodec.read(file)));
        assertFalse(store.has(recovery.key()), "the copy is deleted after the save");
        assertEquals(List.of(), afterCrash().left(), "nothing older than the saved file is offered");
    }

    @Test
    void aCopyOlderThanItsFileIsNeverOfferedAndANewerOneSaysWhatItRestores() throws Exception {
        Path file = dir.resolve("work.perprisk.json");
        WorkspaceCodec.write(TestDocs.isolatedLong(), file);
        Instant edited = Instant.parse("2026-12-01T09:42:13Z");
        String key = RecoveryStore.keyFor(file);
        store.save(key, TestDocs.isolatedLong().withName("Older work"), file, edited);
        Files.setLastModifiedTime(file, FileTime.from(edited.plusSeconds(30)));
        assertEquals(List.of(), afterCrash().left());
        assertFalse(store.has(key), "the outdated copy is removed");

        store.save(key, TestDocs.isolatedLong().withName("Newer work"), file, edited);
        Files.setLastModifiedTime(file, FileTime.from(edited.minusSeconds(30)));
        List<RecoveryStore.Entry> left = afterCrash().left();
        assertEquals(1, left.size());
        String text = DocumentActions.describe(left.get(0), ZoneOffset.UTC, Locale.UK);
        assertEquals("\"Newer work\" (" + file.toAbsolutePath().normalize() + "), last edited 1 Dec 09:42:13", text);
    }

    @Test
    void aCopyOfARunningPerpRiskIsLeftAlone() throws Exception {
        store.save("untitled-x", Samples.demo(), null, Instant.EPOCH);
        assertEquals(List.of(), new RecoveryStore(recoveryDir, 200, pid -> pid == 100).left());
        assertTrue(store.has("untitled-x"));
        assertEquals(1, afterCrash().left().size());
    }

    @Test
    void theOneAutosaveOfTheFirstReleaseIsOfferedAfterAnUpgrade() throws Exception {
        Files.createDirectories(recoveryDir);
        WorkspaceCodec.write(TestDocs.isolatedLong().withName("From 1.0"), recoveryDir.resolve("autosave.perprisk.json"));
        Files.writeString(recoveryDir.resolve("session.lock"), "999999");
        List<RecoveryStore.Entry> left = afterCrash().left();
        assertEquals(1, left.size());
        assertEquals("From 1.0", store.read(left.get(0)).name());
        assertEquals("From 1.0", left.get(0).name());
        assertNull(left.get(0).originalFile());
        store.delete(left.get(0).key());
        assertEquals(List.of(), afterCrash().left());
    }

    // ------------------------------------------------------------------ 8. shortly after the last edit

    @Test
    void theCopyIsWrittenByTheSchedulerShortlyAfterTheLastEdit() throws Exception {
        WorkspaceViewModel vm = newVm();
        vm.load(TestDocs.isolatedLong(), null);
        DocumentRecovery recovery = new DocumentRecovery(vm, writer);
        setWallet(vm, "1000");
        scheduler.advance(Duration.ofMillis(500));
        setWallet(vm, "2000");
        scheduler.advance(Duration.ofMillis(500));
        setWallet(vm, "3000");
        assertFalse(store.has(recovery.key()), "nothing is written by the editing thread itself");
        scheduler.advance(Duration.ofMillis(1400));
        assertFalse(store.has(recovery.key()), "still typing: 1.4 s after the last edit");
        scheduler.advance(Duration.ofMillis(100));
        assertTrue(store.has(recovery.key()), "1.5 s after the last edit");
        assertEquals(1, scheduler.ran, "one write for three quick edits");
        RecoveryStore.Entry e = afterCrash().left().get(0);
        assertEquals(3000, wallet(store.read(e)));
        assertEquals(scheduler.clock().instant().minusMillis(1500), e.editedAt());
    }

    @Test
    void theRealWriterWritesOnItsOwnThread() throws Exception {
        try (RecoveryWriter real = new RecoveryWriter(store)) {
            real.changed("untitled-real", Samples.demo(), null);
            assertTrue(real.isPending("untitled-real"));
            assertFalse(store.has("untitled-real"), "not written by the caller");
        }
        // close() lets the queued write finish on the background thread
        assertTrue(store.has("untitled-real"));
    }

    // ------------------------------------------------------------------ 9. one copy per open document

    @Test
    void twoWindowsKeepTwoCopiesAndBothAreOfferedAfterACrash() throws Exception {
        Path file = dir.resolve("saved.perprisk.json");
        WorkspaceCodec.write(TestDocs.isolatedLong(), file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.EPOCH));
        WorkspaceViewModel a = newVm();
        a.files().open(file);
        WorkspaceViewModel b = newVm();
        b.load(Samples.demo(), null);
        DocumentRecovery ra = new DocumentRecovery(a, writer);
        DocumentRecovery rb = new DocumentRecovery(b, writer);
        assertFalse(ra.key().equals(rb.key()));
        setWallet(a, "4444");
        setWallet(b, "5555");
        scheduler.advance(Duration.ofSeconds(2));
        List<RecoveryStore.Entry> left = afterCrash().left();
        assertEquals(2, left.size(), left.toString());
        List<Double> wallets = new ArrayList<>();
        for (RecoveryStore.Entry e : left) {
            wallets.add(wallet(store.read(e)));
        }
        wallets.sort(Comparator.naturalOrder());
        assertEquals(List.of(4444.0, 5555.0), wallets);
    }

    // ------------------------------------------------------------------ 10. a restored workspace keeps its file

    @Test
    void aRestoredWorkspaceSavesToItsOriginalFile() throws Exception {
        Path file = dir.resolve("original.perprisk.json");
        WorkspaceCodec.write(TestDocs.isolatedLong(), file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.EPOCH));
        store.save(RecoveryStore.keyFor(file), TestDocs.isolatedLong().withName("Restored"), file,
                Instant.parse("2026-12-01T10:00:00Z"));
        RecoveryStore next = afterCrash();
        RecoveryStore.Entry e = next.left().get(0);
        WorkspaceViewModel vm = newVm();
        DocumentActions actions = new DocumentActions(vm, null, () -> dialogs, () -> null);
        assertTrue(actions.restore(next, e).join(), "restored (synchronously without runOn)");
        assertEquals(file, vm.getFile());
        assertTrue(vm.isDirty(), "restored work is unsaved");
        assertFalse(next.has(e.key()), "the restored copy is consumed");
        assertTrue(actions.save());
        assertEquals(0, dialogs.saveDialogs, "Save writes to the original file without asking for a name");
        assertEquals("Restored", WorkspaceCodec.read(file).name());
        assertFalse(vm.isDirty());
    }

    // ------------------------------------------------------------------ the Save dialog's name, File › Open errors

    @Test
    void aNameWithoutExtensionIsSavedAsAWorkspaceFile() throws Exception {
        assertEquals(dir.resolve("my-trades.perprisk.json"), DocumentActions.workspaceFile(dir.resolve("my-trades")));
        assertEquals(dir.resolve("my-trades.perprisk.json"),
                DocumentActions.workspaceFile(dir.resolve("my-trades.json")));
        assertEquals(dir.resolve("a.perprisk.json"), DocumentActions.workspaceFile(dir.resolve("a.perprisk.json")));
        Files.writeString(dir.resolve("old.json"), "{}");
        assertEquals(dir.resolve("old.json"), DocumentActions.workspaceFile(dir.resolve("old.json")));
        assertEquals("My trades.perprisk.json", DocumentActions.suggestedName("My trades"));

        WorkspaceViewModel vm = newVm();
        DocumentActions actions = new DocumentActions(vm, null, () -> dialogs, () -> null);
        dialogs.saveTo = dir.resolve("my-trades");
        assertTrue(actions.saveAsDialog());
        assertEquals(dir.resolve("my-trades.perprisk.json"), vm.getFile());
        assertTrue(Files.exists(dir.resolve("my-trades.perprisk.json")));
    }

    @Test
    void openingAFileWithAnImpossibleNumberShowsTheMessage() throws Exception {
        Path bad = dir.resolve("huge.perprisk.json");
        Files.writeString(bad, WorkspaceCodec.toJson(TestDocs.isolatedLong()).replaceFirst(
                "\"walletBalance\": [0-9.]+", "\"walletBalance\": 1e9999999999"));
        WorkspaceViewModel vm = newVm();
        vm.load(TestDocs.isolatedLong(), null);
        DocumentActions actions = new DocumentActions(vm, null, () -> dialogs, () -> null);
        dialogs.openFrom = bad;
        actions.openDialog();
        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        String shown = dialogs.errors.get(0);
        assertTrue(shown.startsWith("Cannot open huge.perprisk.json: ") && shown.contains("account.walletBalance")
                && shown.contains("out of range"), shown);
        assertNull(vm.getFile(), "the open workspace is unchanged");
    }

    // ------------------------------------------------------------------ helpers

    /** Runs scheduled work when the test advances its clock. */
    static final class ManualScheduler implements RecoveryWriter.Scheduler {
        /** {@code delayed}: a copy to write (schedule), not a removal (execute). */
        private record Job(long due, long order, Runnable task, boolean delayed) {
        }

        private final PriorityQueue<Job> jobs = new PriorityQueue<>(Comparator.comparingLong(Job::due)
                .thenComparingLong(Job::order));
        private long now;
        private long order;
        /** Delayed jobs (copies to write) that ran. */
        int ran;

        Clock clock() {
            return new Clock() {
                @Override
                public ZoneId getZone() {
                    return ZoneOffset.UTC;
                }

                @Override
                public Clock withZone(ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    return Instant.ofEpochMilli(1_780_000_000_000L + now);
                }
            };
        }

        @Override
        public Runnable schedule(Runnable task, Duration delay) {
            Job j = new Job(now + delay.toMillis(), order++, task, true);
            jobs.add(j);
            return () -> jobs.remove(j);
        }

        @Override
        public void execute(Runnable task) {
            jobs.add(new Job(now, order++, task, false));
        }

        void advance(Duration d) {
            long until = now + d.toMillis();
            while (!jobs.isEmpty() && jobs.peek().due() <= until) {
                Job j = jobs.poll();
                now = Math.max(now, j.due());
                j.task().run();
                if (j.delayed()) {
                    ran++;
                }
            }
            now = until;
        }

        @Override
        public void shutdown() {
            advance(Duration.ofDays(1));
        }
    }
}
