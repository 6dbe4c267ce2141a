package com.perprisk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A probe, not a test (bench/ is not run by Surefire): where a running window's resident set is, from Linux's
 * {@code /proc/PID/smaps}, grouped the way issue 13's memory work needed it: the Java heap (from the JVM's reserved
 * heap range, read with {@code jcmd PID GC.heap_info}), other anonymous memory (metaspace, code cache, C heap), the
 * JVM's own files (libjvm, the CDS archive), OpenGL (Mesa's driver and the LLVM it loads), shared-memory images,
 * GTK and the other libraries. Run it while the app waits after its first frame:
 * <pre>
 *   DISPLAY=:N java -Dperprisk.exitAfterFirstFrame=true -Dperprisk.settleMs=20000 -jar target/perprisk.jar &amp;
 *   sleep 12; pid=$(pgrep -n -f perprisk.relaunched)   # the window's JVM (the child of java -jar)
 *   java -cp target/test-classes com.perprisk.bench.ResidentSetBreakdown $pid
 * </pre>
 */
public final class ResidentSetBreakdown {
    private ResidentSetBreakdown() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: ResidentSetBreakdown PID");
            System.exit(2);
        }
        String pid = args[0];
        long[] heap = heapRange(pid);
        Map<String, Long> kb = group(Files.readAllLines(Path.of("/proc", pid, "smaps")), heap);
        long total = kb.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("resident set of %s: %d MB%n", pid, Math.round(total / 1024.0));
        kb.forEach((k, v) -> System.out.printf("  %-44s %6.1f MB%n", k, v / 1024.0));
    }

    /** Resident kB by group, in a fixed order; {@code heap} is the Java heap's [start, end) or null. */
    static Map<String, Long> group(List<String> smaps, long[] heap) {
        Map<String, Long> kb = new LinkedHashMap<>();
        for (String g : List.of("Java heap", "other anonymous (metaspace, code, C heap)", "JVM files (libjvm, CDS)",
                "OpenGL (Mesa driver, LLVM)", "shared-memory images (SysV)", "GTK, GLib, X11, fonts, cairo",
                "other files")) {
            kb.put(g, 0L);
        }
        String group = null;
        for (String line : smaps) {
            int dash = line.indexOf('-');
            if (dash > 0 && line.length() > dash + 1 && isHex(line.substring(0, dash))) {
                String[] f = line.split("\\s+", 6);
                String name = f.length > 5 ? f[5].strip() : "";
                long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
                group = groupOf(name, start, heap);
            } else if (line.startsWith("Rss:") && group != null) {
                kb.merge(group, Long.parseLong(line.replaceAll("[^0-9]", "")), Long::sum);
            }
        }
        return kb;
    }

    private static String groupOf(String name, long start, long[] heap) {
        if (name.isEmpty() || name.equals("[heap]") || name.startsWith("[stack") || name.startsWith("[anon")) {
            return heap != null && start >= heap[0] && start < heap[1] ? "Java heap"
                    : "other anonymous (metaspace, code, C heap)";
        }
        if (name.contains("/libjvm.so") || name.endsWith(".jsa") || name.endsWith("/lib/modules")) {
            return "JVM files (libjvm, CDS)";
        }
        if (name.contains("libLLVM") || name.contains("_dri.so") || name.contains("libGL") || name.contains("libgbm")
                || name.contains("libglapi") || name.contains("libz3") || name.contains("libprism_es2")) {
            return "OpenGL (Mesa driver, LLVM)";
        }
        if (name.startsWith("/SYSV")) {
            return "shared-memory images (SysV)";
        }
        if (name.matches(".*/lib(gtk|gdk|glib|gio|gobject|X|xcb|cairo|pango|harfbuzz|freetype|fontconfig|pixman|"
                + "epoxy|atk|icu).*")) {
            return "GTK, GLib, X11, fonts, cairo";
        }
        return "other files";
    }

    private static boolean isHex(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The Java heap's reserved range from {@code jcmd PID GC.heap_info}'s first generation line, or null. */
    private static long[] heapRange(String pid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("jcmd", pid, "GC.heap_info").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        p.waitFor();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[0x([0-9a-f]+), 0x[0-9a-f]+, 0x([0-9a-f]+)\\)")
                .matcher(out);
        long lo = Long.MAX_VALUE;
        long hi = 0;
        while (m.find()) {
            lo = Math.min(lo, Long.parseUnsignedLong(m.group(1), 16));
            hi = Math.max(hi, Long.parseUnsignedLong(m.group(2), 16));
        }
        java.util.regex.Matcher g1 = java.util.regex.Pattern.compile("\\[0x([0-9a-f]+), 0x([0-9a-f]+)\\)").matcher(out);
        if (hi == 0 && g1.find()) {
            lo = Long.parseUnsignedLong(g1.group(1), 16);
            hi = Long.parseUnsignedLong(g1.group(2), 16);
        }
        return hi == 0 ? null : new long[] {lo, hi};
    }
}
