package com.perprisk;

import java.util.Arrays;

/** Starts the desktop app; kept in its own class so that headless commands never load JavaFX classes. */
final class DesktopEntry {
    private DesktopEntry() {
    }

    static void launch(String[] args) {
        if (Arrays.asList(args).contains("--screenshot")) {
            useHeadlessToolkit();
        }
        javafx.application.Application.launch(com.perprisk.ui.PerpRiskApp.class, args);
    }

    /**
     * {@code --screenshot} renders without a display: Monocle's headless platform with the software pipeline. Must
     * run before the JavaFX toolkit starts. An explicit -D on the command line wins.
     */
    static void useHeadlessToolkit() {
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("headless.geometry", "3840x2160-32");
        setDefault("java.awt.headless", "true");
        setDefault("testfx.headless", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
