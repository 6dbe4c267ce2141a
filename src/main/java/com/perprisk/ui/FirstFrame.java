package com.perprisk.ui;

import javafx.application.Platform;
import javafx.scene.Scene;

import java.lang.management.ManagementFactory;

/**
 * The start-up probe's marker: prints {@code first-frame-ms=<ms since JVM start>} and
 * {@code first-frame-epoch-ms=<the clock then>} (what {@code installers/measure-startup.sh} times from the moment it
 * started the command) at the end of the first pulse that lays out the shown scene, then exits. The app
 * ({@code -Dperprisk.exitAfterFirstFrame=true}) and the bare JavaFX reference window of
 * {@code installers/measure-startup.sh} both call this, so both are timed the same way. With
 * {@code -Dperprisk.settleMs=N} it waits N ms more (background sweeps finish, the window is idle) and prints
 * {@code rss-kb=<resident set>} (Linux; with the parent JVM of {@code com.perprisk.TunedJvm} added, which is also
 * printed apart) before it exits: the memory probe. {@code -Dperprisk.threadCpu=true} adds the CPU time of every
 * thread at the first frame (JIT compilers and GC included).
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    /** Call after {@code stage.show()}, once the scene holds what the first frame must show. */
    public static void reportAndExit(Scene scene) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            long now = System.currentTimeMillis();
            System.out.println("first-frame-ms=" + (now - launchStart()));
            System.out.println("first-frame-epoch-ms=" + now);
            if (Boolean.getBoolean("perprisk.threadCpu")) {
                ThreadCpu.print(System.out);
            }
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
                    long own = residentKb("self");
                    long launcher = launcherResidentKb();
                    if (launcher > 0) {
                        System.out.println("rss-launcher-kb=" + launcher);
                        System.out.println("rss-app-kb=" + own);
                    }
                    System.out.println("rss-kb=" + (own + Math.max(0, launcher)));
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

    /**
     * When the app was started: the JVM's start, or, in the child JVM that {@code java -jar} starts with tuned
     * options ({@code com.perprisk.TunedJvm}), the start of the parent JVM when it passed it on (it does with
     * {@code -Dperprisk.startTrace=true}: the figure then holds its cost).
     */
    static long launchStart() {
        long jvm = ManagementFactory.getRuntimeMXBean().getStartTime();
        return Math.min(jvm, Long.getLong("perprisk.launchStart", jvm));
    }

    /** The resident set of the parent JVM that started this one with tuned options, or -1 when there is none. */
    private static long launcherResidentKb() {
        if (System.getProperty("perprisk.relaunched") == null) {
            return -1;
        }
        return ProcessHandle.current().parent().map(p -> residentKb(Long.toString(p.pid()))).orElse(-1L);
    }

    /** VmRSS of a process ("self" or a pid) in kB (Linux /proc), or -1. */
    static long residentKb(String process) {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", process, "status"))) {
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
