package com.perprisk.io;

import com.perprisk.io.JsonTree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The sample workspaces bundled in {@code resources/workspaces/} (classpath {@code /workspaces/}), listed by
 * {@code workspaces/index.json}.
 */
public final class Samples {
    /** The workspace the desktop app opens when started without a file. */
    public static final String DEMO = "demo";
    private static final String FOLDER = "/workspaces/";
    private static final String SUFFIX = ".perprisk.json";

    /** One bundled sample: its short name (file name without ".perprisk.json"), title and what it shows. */
    public record Sample(String name, String title, String description) {
    }

    private Samples() {
    }

    /** Every bundled sample, in index order. */
    public static List<Sample> list() throws WorkspaceException {
        Node root = JsonTree.parse(PresetCatalog.resource(FOLDER + "index.json"));
        JsonObject o = JsonObject.of(root, "", Set.of("format", "version", "samples"));
        DocumentPreamble.checkFormatAndVersion(o, "perprisk-sample-index", "sample index", 1);
        List<Sample> out = new ArrayList<>();
        List<Node> items = o.array("samples");
        if (items != null) {
            for (int i = 0; i < items.size(); i++) {
                JsonObject s = JsonObject.of(items.get(i), "samples[" + i + "]", Set.of("file", "name", "description"));
                String file = s.text("file");
                String name = file.endsWith(SUFFIX) ? file.substring(0, file.length() - SUFFIX.length()) : file;
                out.add(new Sample(name, s.text("name"), s.text("description")));
            }
        }
        return out;
    }

    /**
     * Opens a bundled workspace by name: "demo", "demo.perprisk.json" and "/workspaces/demo.perprisk.json" all work.
     */
    public static WorkspaceDocument open(String name) throws WorkspaceException {
        String file = name.startsWith(FOLDER) ? name.substring(FOLDER.length()) : name;
        if (!file.endsWith(".json")) {
            file = file + SUFFIX;
        }
        if (file.contains("/") || file.contains("\\") || file.contains("..")) {
            throw new WorkspaceException(WorkspaceException.Kind.IO, "not a bundled sample name: " + name);
        }
        byte[] bytes = PresetCatalog.resource(FOLDER + file);
        try {
            return WorkspaceCodec.decode(JsonTree.parse(bytes));
        } catch (WorkspaceException e) {
            throw new WorkspaceException(e.kind(), "sample " + file + ": " + e.getMessage(), e);
        }
    }

    /** The demo workspace. */
    public static WorkspaceDocument demo() throws WorkspaceException {
        return open(DEMO);
    }
}
