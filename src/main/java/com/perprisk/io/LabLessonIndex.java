package com.perprisk.io;

import com.perprisk.io.JsonTree.Node;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The market-lab lesson index ({@code resources/lessons/lab-index.json}, format "perprisk-lab-lesson-index" version 1):
 * for each lesson its id, title, lab document, narrative and the lab page it opens on.
 */
public final class LabLessonIndex {
    public static final String FORMAT = "perprisk-lab-lesson-index";
    private static final Set<String> ROOT = Set.of("format", "version", "lessons");
    private static final Set<String> LESSON = Set.of("id", "title", "lab", "narrative", "page");

    /** One lab lesson as the index lists it. */
    public record Entry(String id, String title, String lab, String narrative, String page) {
    }

    private LabLessonIndex() {
    }

    /** Reads the index; every missing or mistyped field is an error naming its path. */
    public static List<Entry> read(InputStream in) throws WorkspaceException {
        Node root;
        try {
            root = JsonTree.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "lab lesson index: " + e.getMessage(), e);
        }
        JsonObject o = JsonObject.of(root, "", ROOT);
        DocumentPreamble.checkFormatAndVersion(o, FORMAT, "lab lesson index", 1);
        List<Node> ls = o.array("lessons");
        List<Entry> out = new ArrayList<>();
        for (int i = 0; ls != null && i < ls.size(); i++) {
            JsonObject l = JsonObject.of(ls.get(i), "lessons[" + i + "]", LESSON);
            out.add(new Entry(l.requiredText("id"), l.requiredText("title"), l.requiredText("lab"),
                    l.requiredText("narrative"), l.text("page") == null ? "index" : l.text("page")));
        }
        return out;
    }
}
