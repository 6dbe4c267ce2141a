package com.perprisk.io;

import com.perprisk.engine.InputRule;
import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.io.JsonTree.Node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bundled lessons: {@code resources/lessons/index.json} (classpath {@code /lessons/}, format
 * "perprisk-lesson-index" version 1) lists each lesson's workspace, its narrative (Markdown, shown beside the window;
 * named {@code .markdown} because the build leaves {@code *.md} files out of the jar), the market the chart shows, the
 * scripted playback (seed, volatility, steps, speed…) and the events that playback is expected to produce. Every
 * missing or mistyped field is a {@link WorkspaceException} naming its path ({@code lessons[2].playback.steps}).
 */
public final class LessonCodec {
    public static final String INDEX_FORMAT = "perprisk-lesson-index";
    public static final int CURRENT_VERSION = 1;
    private static final String FOLDER = "/lessons/";
    private static final Set<String> ROOT = Set.of("format", "version", "lessons");
    private static final Set<String> LESSON = Set.of("id", "title", "workspace", "narrative", "chart", "playback",
            "expect", "forbid");
    private static final Set<String> PLAYBACK = Set.of("seed", "volatility", "drift", "steps", "stepHours",
            "correlation", "speed", "slippage", "liquidationFee");

    private LessonCodec() {
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

    /** Every bundled lesson, in index order. */
    public static List<Lesson> list() throws WorkspaceException {
        byte[] index;
        try {
            index = resource("index.json");
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lesson index: " + e.getMessage(), e);
        }
        try {
            return read(new String(index, StandardCharsets.UTF_8));
        } catch (WorkspaceException e) {
            throw new WorkspaceException(e.kind(), "lesson index: " + e.getMessage(), e);
        }
    }

    /** Reads a lesson index's text. */
    public static List<Lesson> read(String json) throws WorkspaceException {
        JsonObject o = DocumentPreamble.root(JsonTree.parse(json), INDEX_FORMAT, "lesson index", CURRENT_VERSION,
                ROOT);
        List<Node> ls = o.array("lessons");
        List<Lesson> out = new ArrayList<>();
        for (int i = 0; ls != null && i < ls.size(); i++) {
            JsonObject l = JsonObject.of(ls.get(i), "lessons[" + i + "]", LESSON);
            out.add(new Lesson(l.requiredText("id"), l.requiredText("title"), l.requiredText("workspace"),
                    l.requiredText("narrative"), l.text("chart"), playback(l.object("playback", PLAYBACK)),
                    types(l, "expect"), types(l, "forbid")));
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

    /** The playback script; an absent block or field takes the default the lessons were written against. */
    private static Playback playback(JsonObject p) throws WorkspaceException {
        if (p == null) {
            return new Playback(1, 0.8, 0, 240, 1, 0, 10, 0, 0);
        }
        return new Playback(whole(p, "seed", 1), number(p, "volatility", 0.8), number(p, "drift", 0),
                (int) whole(p, "steps", 240), number(p, "stepHours", 1), number(p, "correlation", 0),
                number(p, "speed", 10), number(p, "slippage", 0), number(p, "liquidationFee", 0));
    }

    private static double number(JsonObject o, String name, double fallback) throws WorkspaceException {
        Double v = o.number(name);
        return v == null ? fallback : v;
    }

    private static long whole(JsonObject o, String name, long fallback) throws WorkspaceException {
        Integer v = DocumentPreamble.integer(o, name);
        return v == null ? fallback : v;
    }

    private static List<SimulationEvent.Type> types(JsonObject o, String name) throws WorkspaceException {
        List<Node> a = o.array(name);
        List<SimulationEvent.Type> out = new ArrayList<>();
        for (int k = 0; a != null && k < a.size(); k++) {
            Node n = a.get(k);
            String at = o.childPath(name) + "[" + k + "]";
            if (!(n.value() instanceof String s)) {
                throw JsonObject.typeError(n, at, "an event type");
            }
            try {
                out.add(SimulationEvent.Type.valueOf(s));
            } catch (IllegalArgumentException e) {
                throw new WorkspaceException(WorkspaceException.Kind.INVALID, "unknown event type \"" + s
                        + "\"; allowed: " + InputRule.allowed(SimulationEvent.Type.class), at,
                        n.line(), n.column(), null);
            }
        }
        return out;
    }

    private static InputStream stream(String file) throws IOException {
        if (file == null || file.isBlank() || file.contains("/") || file.contains("\\") || file.contains("..")) {
            throw new IOException("not a lesson file name: " + file);
        }
        InputStream in = LessonCodec.class.getResourceAsStream(FOLDER + file);
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
