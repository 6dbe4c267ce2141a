package com.perprisk.ui;

import java.nio.file.Path;
import java.util.List;

/**
 * The desktop command line: {@code [WORKSPACE]} or {@code --screenshot FILE.png [WORKSPACE]} with
 * {@code --dark}, {@code --presentation}, {@code --size WxH}.
 *
 * @param workspace  workspace to open, or null
 * @param screenshot PNG to render the main window into before exiting, or null
 * @param dark       {@code --dark}: dark theme for this run (screenshots)
 * @param width      {@code --size WxH}: window width (default 1280)
 * @param height     window height (default 800)
 * @param presentation {@code --presentation}: presentation size for this run (screenshots)
 */
public record LaunchOptions(Path workspace, Path screenshot, boolean dark, double width, double height,
                            boolean presentation) {

    public static LaunchOptions parse(List<String> args) {
        Path workspace = null;
        Path screenshot = null;
        boolean dark = false;
        boolean presentation = false;
        double width = 1280;
        double height = 800;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--screenshot")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--screenshot needs a PNG file name");
                }
                screenshot = Path.of(args.get(++i));
            } else if (a.equals("--dark")) {
                dark = true;
            } else if (a.equals("--presentation")) {
                presentation = true;
            } else if (a.equals("--size")) {
                String[] wh = i + 1 < args.size() ? args.get(++i).toLowerCase(java.util.Locale.ROOT).split("x") : new String[0];
                try {
                    width = Double.parseDouble(wh[0]);
                    height = Double.parseDouble(wh[1]);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("--size needs WIDTHxHEIGHT, e.g. 1280x800");
                }
                if (width < 640 || height < 480 || width > 7680 || height > 4320) {
                    throw new IllegalArgumentException("--size must be between 640x480 and 7680x4320");
                }
            } else if (a.startsWith("--")) {
                throw new IllegalArgumentException("unknown option " + a);
            } else if (workspace == null) {
                workspace = Path.of(a);
            } else {
                throw new IllegalArgumentException("more than one workspace given: " + a);
            }
        }
        return new LaunchOptions(workspace, screenshot, dark, width, height, presentation);
    }

    public boolean isScreenshot() {
        return screenshot != null;
    }
}
