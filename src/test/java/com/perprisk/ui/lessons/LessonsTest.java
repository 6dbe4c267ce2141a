package com.perprisk.ui.lessons;

import com.perprisk.cli.Cli;
import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.io.LessonCodec;
import com.perprisk.ui.TeachingPanels;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.playback.PlaybackViewModel;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled lessons: each loads, its workspace is valid, and its scripted playback tells the story it promises. */
class LessonsTest {

    @Test
    void atLeastFiveLessonsWithTheTopicsTheIssueAsksFor() throws Exception {
        List<LessonCodec.Lesson> all = LessonCodec.list();
        assertTrue(all.size() >= 5, "lessons: " + all.size());
        Set<String> ids = Set.copyOf(all.stream().map(LessonCodec.Lesson::id).toList());
        assertTrue(ids.containsAll(Set.of("isolated-vs-cross", "tier-boundary", "funding-bleed", "cascade-adl",
                "cash-and-carry")), ids.toString());
    }

    @Test
    void everyNarrativeIsShortPlainTextWithATitle() throws Exception {
        for (LessonCodec.Lesson l : LessonCodec.list()) {
            String text = LessonCodec.narrative(l);
            assertTrue(text.startsWith("# "), l.id() + " starts with a title");
            int words = text.replaceAll("[#*]", " ").strip().split("\\s+").length;
            assertTrue(words >= 150 && words <= 300, l.id() + ": " + words + " words");
            assertFalse(text.contains("NaN"), l.id());
        }
    }

    @Test
    void everyWorkspaceIsValidForCalc() throws Exception {
        for (LessonCodec.Lesson l : LessonCodec.list()) {
            byte[] json;
            try (var in = LessonCodec.class.getResourceAsStream("/lessons/" + l.workspaceFile())) {
                assertNotNull(in, l.workspaceFile());
                json = in.readAllBytes();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Cli.run(new String[]{"calc", "-"}, new ByteArrayInputStream(json),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                            StandardCharsets.UTF_8));
            assertEquals(0, code, l.id() + ": " + err.toString(StandardCharsets.UTF_8));
            assertEquals("", err.toString(StandardCharsets.UTF_8), l.id() + " has no warnings");
        }
    }

    @Test
    void theSourceFolderHoldsWhatTheIndexNames() throws Exception {
        Path folder = Path.of("resources", "lessons");
        if (!Files.isDirectory(folder)) {
            return; // run from elsewhere: the classpath checks above suffice
        }
        for (LessonCodec.Lesson l : LessonCodec.list()) {
            assertTrue(Files.isRegularFile(folder.resolve(l.workspaceFile())), l.workspaceFile());
            assertTrue(Files.isRegularFile(folder.resolve(l.narrativeFile())), l.narrativeFile());
        }
    }

    /** Opens each lesson in a workspace, primes the playback as the app does, and plays it to the end. */
    @Test
    void everyScriptedPlaybackProducesTheEventsItsNarrativeTells() throws Exception {
        for (LessonCodec.Lesson l : LessonCodec.list()) {
            WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
            vm.load(LessonCodec.workspace(l), null);
            assertEquals("", vm.context().problemProperty().get(), l.id());
            PlaybackViewModel p = new PlaybackViewModel(vm);
            TeachingPanels.prime(p, l.playback());
            assertTrue(p.prepare(), l.id() + ": " + p.problemProperty().get());
            p.toEnd();
            EnumSet<SimulationEvent.Type> seen = EnumSet.noneOf(SimulationEvent.Type.class);
            p.log().forEach(r -> seen.add(r.event().type()));
            assertTrue(seen.containsAll(l.expect()), l.id() + " expects " + l.expect() + ", saw " + seen);
            for (SimulationEvent.Type t : l.forbid()) {
                assertFalse(seen.contains(t), l.id() + " must not produce " + t);
            }
            assertFalse(vm.isDirty(), l.id() + ": playback is not an edit");
            p.reset();
            assertFalse(vm.isPlaybackShown());
        }
    }

    @Test
    void theCascadeLessonEndsInAdlAfterTheFundIsEmpty() throws Exception {
        LessonCodec.Lesson l = LessonCodec.find("cascade-adl").orElseThrow();
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(LessonCodec.workspace(l), null);
        PlaybackViewModel p = new PlaybackViewModel(vm);
        TeachingPanels.prime(p, l.playback());
        assertTrue(p.prepare());
        p.toEnd();
        // the narrative's order: reckless liquidated with a surplus, then bold's deficit empties the fund, then ADL
        List<String> story = p.log().stream().filter(r -> r.event().type() != SimulationEvent.Type.FUNDING
                && r.event().type() != SimulationEvent.Type.MARGIN_CALL).map(r -> r.type() + ":"
                + r.event().positionId()).toList();
        assertEquals("LIQUIDATION:reckless", story.get(0));
        assertEquals("INSURANCE_FUND:reckless", story.get(1));
        assertEquals("LIQUIDATION:bold", story.get(2));
        assertTrue(story.contains("ADL:bold"), story.toString());
        assertEquals(0, p.result().insuranceFund(), 1e-9);
        assertEquals(0, p.result().ledger().imbalance(), 1e-6);
    }
}
