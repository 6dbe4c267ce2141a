package com.perprisk.ui.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.perprisk.io.WorkspaceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The market-lab lessons bundled in {@code resources/lessons/lab-index.json}: each names a lab document (in
 * {@code resources/lab/}), a narrative (Markdown, as the other lessons) and the lab page it opens on.
 */
public final class LabLessons {
    public static final String INDEX_FORMAT = "perprisk-lab-lesson-index";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabLessons() {
    }

    /** One lab lesson. */
    public record LabLesson(String id, String title, String labFile, String narrativeFile, String page) {
        /** The bundled lab document it opens. */
        public LabViewModel.Bundled document() {
            return new LabViewModel.Bundled(labFile, title);
        }
    }

    public static List<LabLesson> list() throws WorkspaceException {
        JsonNode root;
        try (InputStream in = stream("/lessons/lab-index.json")) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lab lesson index: " + e.getMessage(), e);
        }
        if (!INDEX_FORMAT.equals(root.path("format").asText()) || root.path("version").asInt() != 1) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lab lesson index: not a version 1 "
                    + INDEX_FORMAT);
        }
        List<LabLesson> out = new ArrayList<>();
        for (JsonNode l : root.path("lessons")) {
            out.add(new LabLesson(l.path("id").asText(), l.path("title").asText(), l.path("lab").asText(),
                    l.path("narrative").asText(), l.path("page").asText("index")));
        }
        return out;
    }

    /** The lesson's narrative (Markdown). */
    public static String narrative(LabLesson lesson) throws WorkspaceException {
        String f = lesson.narrativeFile();
        if (f == null || f.isBlank() || f.contains("/") || f.contains("..")) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "not a lesson file name: " + f);
        }
        try (InputStream in = stream("/lessons/" + f)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lesson " + lesson.id() + ": " + e.getMessage(),
                    e);
        }
    }

    private static InputStream stream(String resource) throws IOException {
        InputStream in = LabLessons.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IOException(resource + " is not bundled");
        }
        return in;
    }
}
