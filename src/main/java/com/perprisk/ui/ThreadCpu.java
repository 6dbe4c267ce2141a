package com.perprisk.ui;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The start-up probe's breakdown ({@code -Dperprisk.threadCpu=true}): CPU time of every thread of this process so
 * far, JVM threads included (JIT compilers, GC), read from Linux {@code /proc/self/task}; prints nothing elsewhere.
 * Threads with the same name up to a trailing number (C2 CompilerThread0, 1...) are summed.
 */
final class ThreadCpu {
    private ThreadCpu() {
    }

    static void print(PrintStream out) {
        Map<String, long[]> byName = new TreeMap<>();
        long ticks = 100; // USER_HZ on Linux
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("[#0-9]+$", "").trim();
                    String[] f = stat.substring(close + 2).split(" ");
                    long cpu = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                    long[] sum = byName.computeIfAbsent(name, k -> new long[2]);
                    sum[0] += cpu;
                    sum[1]++;
                } catch (IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (IOException | RuntimeException e) {
            return;
        }
        byName.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> out.println("thread-cpu-ms " + e.getValue()[0] * 1000 / ticks + " " + e.getKey()
                        + " (" + e.getValue()[1] + ")"));
    }
}
