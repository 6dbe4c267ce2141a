package com.perprisk;

/** Starts the desktop app; kept in its own class so that headless commands never load JavaFX classes. */
final class DesktopEntry {
    private DesktopEntry() {
    }

    static void launch(String[] args) {
        javafx.application.Application.launch(com.perprisk.ui.PerpRiskApp.class, args);
    }
}
