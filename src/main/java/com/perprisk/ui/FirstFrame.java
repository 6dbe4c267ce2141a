package com.perprisk.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * The start-up probe's marker: prints {@code first-frame-ms=<ms since JVM start>} at the end of the first pulse that
 * lays out the shown scene, then exits. The app ({@code -Dperprisk.exitAfterFirstFrame=true}) and the bare JavaFX
 * reference window of {@code installers/measure-startup.sh} both call this, so both are timed the same way. With
 * {@code -Dperprisk.settleMs=N} it waits N ms more (background sweeps finish, the window is idle) and prints
 * {@code rss-kb=<resident set>} (Linux) before it exits: the memory probe.
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
            long settle = Long.getLong("perprisk.settleMs", 0);
            if (settle <= 0) {
                Platform.runLater(FirstFrame::exit);
                return;
            }
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(settle);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                // after a last pulse on the FX thread: what the idle window holds
                Platform.runLater(() -> {
                    System.out.println("rss-kb=" + residentKb());
                    System.out.flush();
                    exit();
                });
            }, "perprisk-settle");
            t.setDaemon(true);
            t.start();
        };
        Platform.runLater(() -> {
            scene.addPostLayoutPulseListener(once[0]);
            Platform.requestNextPulse();
        });
    }

    private static void exit() {
        Platform.exit();
        System.exit(0);
    }

    /** VmRSS of this process in kB (Linux /proc), or -1. */
    static long residentKb() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
