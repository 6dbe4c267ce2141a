package com.perprisk.ui.lab;

import com.perprisk.io.LabLessonIndex;
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
        try (InputStream in = stream("/lessons/lab-index.json")) {
            List<LabLesson> out = new ArrayList<>();
            for (LabLessonIndex.Entry e : LabLessonIndex.read(in)) {
                out.add(new LabLesson(e.id(), e.title(), e.lab(), e.narrative(), e.page()));
            }
            return out;
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lab lesson index: " + e.getMessage(), e);
        }
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
