package com.perprisk.ui.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bundled lessons: {@code resources/lessons/index.json} (classpath {@code /lessons/}) lists each lesson's
 * workspace, its narrative (Markdown, shown beside the window; named {@code .markdown} because the build leaves
 * {@code *.md} files out of the jar), the market the chart shows, the scripted playback (seed, volatility, steps,
 * speed…) and the events that playback is expected to produce.
 */
public final class Lessons {
    public static final String INDEX_FORMAT = "perprisk-lesson-index";
    private static final String FOLDER = "/lessons/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Lessons() {
    }

    /** The scripted playback of a lesson. */
    public record Playback(long seed, double volatility, double drift, int steps, double stepHours,
                           double correlation, double speed, double slippage, double liquidationFee) {
    }

    /**
     * One lesson.
     *
     * @param expect events its playback produces (at least one of each)
     * @param forbid events its playback must not produce
     */
    public record Lesson(String id, String title, String workspaceFile, String narrativeFile, String chartSymbol,
                         Playback playback, List<SimulationEvent.Type> expect, List<SimulationEvent.Type> forbid) {
        public Lesson {
            expect = List.copyOf(expect);
            forbid = List.copyOf(forbid);
        }
    }

    /** Every lesson, in index order. */
    public static List<Lesson> list() throws WorkspaceException {
        JsonNode root;
        try {
            root = JSON.readTree(resource("index.json"));
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lesson index: " + e.getMessage(), e);
        }
        if (!INDEX_FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lesson index: not a version 1 "
                    + INDEX_FORMAT);
        }
        List<Lesson> out = new ArrayList<>();
        for (JsonNode l : root.path("lessons")) {
            JsonNode p = l.path("playback");
            Playback pb = new Playback(p.path("seed").asLong(1), p.path("volatility").asDouble(0.8),
                    p.path("drift").asDouble(0), p.path("steps").asInt(240), p.path("stepHours").asDouble(1),
                    p.path("correlation").asDouble(0), p.path("speed").asDouble(10), p.path("slippage").asDouble(0),
                    p.path("liquidationFee").asDouble(0));
            out.add(new Lesson(l.path("id").asText(), l.path("title").asText(), l.path("workspace").asText(),
                    l.path("narrative").asText(), l.hasNonNull("chart") ? l.get("chart").asText() : null, pb,
                    types(l.path("expect")), types(l.path("forbid"))));
        }
        return out;
    }

    private static List<SimulationEvent.Type> types(JsonNode arr) {
        List<SimulationEvent.Type> out = new ArrayList<>();
        for (JsonNode t : arr) {
            out.add(SimulationEvent.Type.valueOf(t.asText()));
        }
        return out;
    }

    public static Optional<Lesson> find(String id) throws WorkspaceException {
        return list().stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The lesson's workspace. */
    public static WorkspaceDocument workspace(Lesson lesson) throws WorkspaceException {
        try (InputStream in = stream(lesson.workspaceFile())) {
            return WorkspaceCodec.read(in);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lesson " + lesson.id() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The lesson's narrative (Markdown). */
    public static String narrative(Lesson lesson) throws WorkspaceException {
        try {
            return new String(resource(lesson.narrativeFile()), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lesson " + lesson.id() + ": "
                    + e.getMessage(), e);
        }
    }

    private static InputStream stream(String file) throws IOException {
        if (file == null || file.isBlank() || file.contains("/") || file.contains("\\") || file.contains("..")) {
            throw new IOException("not a lesson file name: " + file);
        }
        InputStream in = Lessons.class.getResourceAsStream(FOLDER + file);
        if (in == null) {
            throw new IOException("missing bundled file " + FOLDER + file);
        }
        return in;
    }

    private static byte[] resource(String file) throws IOException {
        try (InputStream in = stream(file)) {
            return in.readAllBytes();
        }
    }
}
