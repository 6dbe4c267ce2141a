package com.perprisk.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * The desktop command line: {@code [WORKSPACE]} or {@code --screenshot FILE.png [WORKSPACE]}.
 *
 * @param workspace  workspace to open, or null
 * @param screenshot PNG to render the main window into before exiting, or null
 * @param dark       {@code --dark}: dark theme for this run (screenshots)
 */
public record LaunchOptions(Path workspace, Path screenshot, boolean dark) {

    public static LaunchOptions parse(List<String> args) {
        Path workspace = null;
        Path screenshot = null;
        boolean dark = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--screenshot")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--screenshot needs a PNG file name");
                }
                screenshot = Path.of(args.get(++i));
            } else if (a.equals("--dark")) {
                dark = true;
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else if (workspace == null) {
                workspace = Path.of(a);
            } else {
                throw new IllegalArgumentException("more than one workspace given: " + a);
            }
        }
        return new LaunchOptions(workspace, screenshot, dark);
    }

    public boolean isScreenshot() {
        return screenshot != null;
    }
}
