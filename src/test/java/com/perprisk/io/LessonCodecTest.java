package com.perprisk.io;

import com.perprisk.engine.simulation.SimulationEvent;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lesson index format: versioned, every field checked at its path. */
class LessonCodecTest {
    private static final String ONE = """
            { "format": "perprisk-lesson-index", "version": 1, "lessons": [
              { "id": "a", "title": "A", "workspace": "a.perprisk.json", "narrative": "a.markdown", "chart": "BTCUSDT",
                "playback": { "seed": 12, "volatility": 0.5, "steps": 72, "stepHours": 2, "speed": 6,
                              "slippage": 0.005 },
                "expect": ["MARGIN_CALL", "ADL"], "forbid": ["FUNDING"] } ] }""";

    @Test
    void readsEveryFieldAndTheDefaultsOfTheOmittedOnes() throws Exception {
        LessonCodec.Lesson l = LessonCodec.read(ONE).get(0);
        assertEquals("a", l.id());
        assertEquals("a.perprisk.json", l.workspaceFile());
        assertEquals("BTCUSDT", l.chartSymbol());
        assertEquals(new LessonCodec.Playback(12, 0.5, 0, 72, 2, 0, 6, 0.005, 0), l.playback());
        assertEquals(List.of(SimulationEvent.Type.MARGIN_CALL, SimulationEvent.Type.ADL), l.expect());
        assertEquals(List.of(SimulationEvent.Type.FUNDING), l.forbid());
    }

    @Test
    void aLessonWithoutPlaybackOrChartTakesTheDefaults() throws Exception {
        LessonCodec.Lesson l = LessonCodec.read(ONE.replaceAll("(?s)\"chart\".*\"forbid\": \\[\"FUNDING\"\\]",
                "\"expect\": []")).get(0);
        assertNull(l.chartSymbol());
        assertEquals(new LessonCodec.Playback(1, 0.8, 0, 240, 1, 0, 10, 0, 0), l.playback());
        assertTrue(l.expect().isEmpty());
    }

    @Test
    void theBundledIndexReads() throws Exception {
        List<LessonCodec.Lesson> all = LessonCodec.list();
        assertTrue(all.size() >= 5, all.toString());
        assertEquals("tier-boundary", LessonCodec.find("tier-boundary").orElseThrow().id());
    }

    @Test
    void errorsNameTheField() {
        assertPath("lessons[0].playback.steps", ONE.replace("\"steps\": 72", "\"steps\": \"many\""));
        assertPath("lessons[0].playback.steps", ONE.replace("\"steps\": 72", "\"steps\": 7.5"));
        assertPath("lessons[0].expect[1]", ONE.replace("\"ADL\"", "\"BOOM\""));
        assertPath("lessons[0].forbid[0]", ONE.replace("[\"FUNDING\"]", "[3]"));
        assertPath("lessons[0].workspace", ONE.replace("\"workspace\": \"a.perprisk.json\",", ""));
        assertPath("lessons[0].title", ONE.replace("\"title\": \"A\"", "\"title\": 4"));
        assertPath("lessons[0].playback", ONE.replaceAll("(?s)\"playback\": \\{.*?\\}", "\"playback\": 1"));
    }

    @Test
    void theFormatAndVersionAreChecked() {
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> LessonCodec.read(ONE.replace("perprisk-lesson-index", "perprisk-workspace")));
        assertEquals(WorkspaceException.Kind.FORMAT, e.kind());
        e = assertThrows(WorkspaceException.class, () -> LessonCodec.read(ONE.replace("\"version\": 1",
                "\"version\": 2")));
        assertEquals(WorkspaceException.Kind.VERSION, e.kind());
        assertTrue(e.getMessage().contains("newer PerpRisk"), e.getMessage());
    }

    private static void assertPath(String path, String json) {
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> LessonCodec.read(json), json);
        assertEquals(path, e.path(), e.getMessage());
    }
}
