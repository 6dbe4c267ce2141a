package com.perprisk.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * The start-up probe's marker: prints {@code first-frame-ms=<ms since JVM start>} at the end of the first pulse that
 * lays out the shown scene, then exits. The app ({@code -Dperprisk.exitAfterFirstFrame=true}) and the bare JavaFX
 * reference window of {@code installers/measure-startup.sh} both call this, so both are timed the same way.
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Call after {@code stage.show()}, once the scene holds what the first frame must show. */
    public static void reportAndExit(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("first-frame-ms=" + ms);
            System.out.flush();
            Platform.runLater(() -> {
                Platform.exit();
                System.exit(0);
            });
        };
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
    }
}
