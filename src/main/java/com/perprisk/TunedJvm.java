package com.perprisk;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar perprisk.jar} (the README's run command) cannot carry JVM options, so the desktop app started
 * that way runs in a child JVM with the options the packaged launcher passes (installers/app.args): the C1
 * compiler only, no metadata-triggered full collection at start-up, the serial collector and a heap that starts at
 * 64 MB (a young generation the start-up garbage does not blow up to a hundred MB of resident pages). The parent only waits:
 * the child shares its stdin, stdout and stderr, the parent exits with the child's status, and stopping the parent
 * stops the child. The user's own JVM options and {@code -D} properties are passed on; an option the user gave
 * (a collector, a heap size, a compile threshold) wins over the tuned one. Not used for the headless commands,
 * {@code --screenshot}, a class-path start (tests, the packaged launcher), a debugger, an agent or a CDS dump, or
 * with {@code -Dperprisk.relaunch=false}. The child also gets the jar's own class-data archive ({@link JarArchive}).
 */
final class TunedJvm {
    /** System property on the child: it is the relaunched JVM (never relaunch again). */
    static final String CHILD = "perprisk.relaunched";
    /** System property: {@code false} keeps the desktop app in the JVM {@code java -jar} started. */
    static final String RELAUNCH = "perprisk.relaunch";
    /** System property on the child: the parent JVM's start (ms since the epoch), for the start-up trace. */
    static final String LAUNCH_START = "perprisk.launchStart";

    /** The user's heap or collector options: with any of them the tuned heap sizing is left out. */
    private static final String[] HEAP = {"-Xms", "-Xmx", "-XX:InitialHeapSize=", "-XX:MaxHeapSize=",
            "-XX:MinHeapFreeRatio=", "-XX:MaxHeapFreeRatio=", "-XX:+Use", "-XX:-Use"};

    /**
     * The options, each with the option names the user may have given instead (then the tuned one is left out).
     * Keep in step with installers/app.args (README "Start-up and size" has the measurements).
     */
    static final List<Tuned> OPTIONS = List.of(
            // C1 only: one-off start-up code (CSS, layout, the first load) runs compiled sooner and without the
            // profiling C2 needs; an option naming any compiler tier or mode wins
            new Tuned("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=", "-XX:-TieredCompilation",
                    "-XX:+TieredCompilation", "-XX:Tier", "-XX:CompilationMode=", "-Xint", "-Xcomp"),
            // no full collection at start-up when the class metadata passes the default 21 MB mark
            new Tuned("-XX:MetaspaceSize=64m", "-XX:MetaspaceSize="),
            new Tuned("-XX:+UseSerialGC", "-XX:+Use", "-XX:-Use"),
            new Tuned("-Xms64m", HEAP),
            // memory: every 2 s the C heap's freed pages go back to the system (glibc malloc_trim, ~5 MB of the
            // window's resident set once start-up is over; each trim ~0.2-1 ms on the JVM's own thread). The
            // option is a product one from JDK 17.0.11 (experimental in 17.0.9/10, so unlocked; unknown before,
            // so ignored: every other option of the child was already accepted by the parent, the same java)
            new Tuned("-XX:+UnlockExperimentalVMOptions", "-XX:-UnlockExperimentalVMOptions"),
            new Tuned("-XX:+IgnoreUnrecognizedVMOptions", "-XX:-IgnoreUnrecognizedVMOptions"),
            new Tuned("-XX:TrimNativeHeapInterval=2000", "-XX:TrimNativeHeapInterval="));

    /** A tuned JVM option, left out when the user gave one of {@code userPrefixes}. */
    record Tuned(String option, String... userPrefixes) {
        boolean overriddenBy(List<String> userOptions) {
            for (String u : userOptions) {
                for (String p : userPrefixes) {
                    if (p.startsWith("-XX:+Use") || p.startsWith("-XX:-Use")) {
                        if (u.startsWith(p) && u.endsWith("GC")) {
                            return true;
                        }
                    } else if (u.startsWith(p) || u.equals(p)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** Options that need this very JVM: with one of them the app stays in-process. */
    private static final List<String> IN_PROCESS_ONLY = List.of("-XX:ArchiveClassesAtExit", "-Xshare:dump",
            "-XX:DumpLoadedClassList", "-XX:SharedClassListFile", "-agentlib", "-agentpath", "-javaagent",
            "-Xdebug", "-Xrunjdwp", "-XX:StartFlightRecording", "-XX:+FlightRecorder");

    private TunedJvm() {
    }

    /**
     * The jar this JVM was started with by {@code java -jar}, when the desktop app should move to a tuned child;
     * empty to stay in-process. {@code jvmOptions}: this JVM's options ({@link #thisJvmOptions}).
     */
    static Optional<Path> jarToRelaunch(String[] args, List<String> jvmOptions) {
        return mayRelaunch(args) ? relaunchableJar(jvmOptions) : Optional.empty();
    }

    /**
     * Runs the desktop app in the tuned child when this JVM is a {@code java -jar} start that should move
     * ({@link #jarToRelaunch}), and returns the child's exit status; empty to run it in-process. This JVM's options
     * are read once, and only when the cheap checks pass (the child never reads them). No lambdas, streams or
     * regular expressions on this path: in the launcher JVM each first use of one costs milliseconds of class
     * loading and linking before the window's JVM can start.
     */
    static Optional<Integer> relaunch(String[] args) {
        if (!mayRelaunch(args)) {
            return Optional.empty();
        }
        List<String> options = thisJvmOptions();
        Optional<Path> jar = relaunchableJar(options);
        return jar.isPresent() ? run(jar.get(), options, args) : Optional.empty();
    }

    private static boolean mayRelaunch(String[] args) {
        return System.getProperty(CHILD) == null && !"false".equalsIgnoreCase(System.getProperty(RELAUNCH))
                && !List.of(args).contains("--screenshot");
    }

    private static Optional<Path> relaunchableJar(List<String> jvmOptions) {
        for (String o : jvmOptions) {
            for (String p : IN_PROCESS_ONLY) {
                if (o.startsWith(p)) {
                    return Optional.empty();
                }
            }
        }
        // java -jar X: the class path is exactly the jar and the command starts with it
        String cp = System.getProperty("java.class.path", "");
        String command = System.getProperty("sun.java.command", "");
        if (cp.isEmpty() || cp.contains(File.pathSeparator) || !cp.endsWith(".jar")
                || !(command.equals(cp) || command.startsWith(cp + " "))) {
            return Optional.empty();
        }
        Path jar = Path.of(cp);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    /**
     * This JVM's options, as the management interface's input arguments tell them. On Linux, when no environment
     * variable adds options, they are read from {@code /proc/self/cmdline} instead (the words between the
     * executable and {@code -jar}): the management classes cost the launcher about 25 ms of loading before the
     * window's JVM can start.
     */
    static List<String> thisJvmOptions() {
        if (System.getenv("JDK_JAVA_OPTIONS") == null && System.getenv("JAVA_TOOL_OPTIONS") == null
                && System.getenv("_JAVA_OPTIONS") == null) {
            Path cmdline = Path.of("/proc/self/cmdline");
            if (Files.isReadable(cmdline)) {
                try {
                    Optional<List<String>> options = optionsBeforeJar(Files.readAllBytes(cmdline),
                            nativeCharset());
                    if (options.isPresent()) {
                        return options.get();
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the management interface tells them
                }
            }
        }
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /**
     * The options of a {@code java [options] -jar jar [args]} command line as Linux keeps it (NUL-terminated words):
     * the words between the executable and {@code -jar}. Empty when there is no {@code -jar}, or when a word is an
     * {@code @argfile} (the launcher expanded it; the management interface knows what into).
     */
    static Optional<List<String>> optionsBeforeJar(byte[] cmdline, java.nio.charset.Charset charset) {
        List<String> words = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < cmdline.length; i++) {
            if (cmdline[i] == 0) {
                words.add(new String(cmdline, from, i - from, charset));
                from = i + 1;
            }
        }
        if (from < cmdline.length) {
            words.add(new String(cmdline, from, cmdline.length - from, charset));
        }
        for (int i = 1; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals("-jar")) {
                return Optional.of(List.copyOf(words.subList(1, i)));
            }
            if (w.startsWith("@")) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static java.nio.charset.Charset nativeCharset() {
        try {
            return java.nio.charset.Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
        } catch (RuntimeException e) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
    }

    /** The child's command line: the tuned options the user did not override, the user's options, the jar, args. */
    static List<String> command(String java, List<String> jvmOptions, Path jar, String[] args, long launchStart) {
        return command(java, jvmOptions, List.of(), jar, args, launchStart);
    }

    /**
     * The same with the automatic class-data archive's options ({@link JarArchive#options}) after the tuned ones
     * and before the user's (a user's {@code -Xlog} then still wins).
     */
    static List<String> command(String java, List<String> jvmOptions, List<String> archiveOptions, Path jar,
            String[] args, long launchStart) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        for (Tuned t : OPTIONS) {
            if (!t.overriddenBy(jvmOptions)) {
                cmd.add(t.option());
            }
        }
        cmd.addAll(archiveOptions);
        cmd.addAll(jvmOptions);
        cmd.add("-D" + CHILD + "=true");
        if (launchStart >= 0) {
            cmd.add("-D" + LAUNCH_START + "=" + launchStart);
        }
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** This JVM's executable (java or javaw), else java.home's java. */
    static String javaExecutable() {
        Optional<String> self = ProcessHandle.current().info().command();
        if (self.isPresent() && Files.isExecutable(Path.of(self.get()))) {
            return self.get();
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("win");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    /**
     * The child's environment from this one's: without the JVM option variables (the child gets those options on
     * its command line: getInputArguments holds them, not twice), with the rendering settings that only an
     * environment variable can make ({@link RenderingPipeline#addChildEnvironment}: GTK without OpenGL where there is
     * no GPU device).
     */
    static void childEnvironment(java.util.Map<String, String> env) {
        env.remove("JDK_JAVA_OPTIONS");
        env.remove("JAVA_TOOL_OPTIONS");
        RenderingPipeline.addChildEnvironment(env);
    }

    /**
     * Runs the desktop app from {@code jar} in the tuned child, with this JVM's {@code options} passed on, and
     * returns its exit status, or empty when the child could not be started (then the caller runs the app
     * in-process).
     */
    static Optional<Integer> run(Path jar, List<String> options, String[] args) {
        // only the start-up trace reads when this JVM started (the management classes tell it, about 25 ms): the
        // start-up probe times the command from outside (installers/measure-startup.sh)
        long start = Boolean.getBoolean("perprisk.startTrace") ? ManagementFactory.getRuntimeMXBean().getStartTime()
                : -1;
        Optional<JarArchive> archive = JarArchive.forJar(jar, options, JarArchive.defaultDirectory(System.getenv()));
        List<String> cds = archive.isPresent() ? archive.get().options() : List.of();
        ProcessBuilder pb = new ProcessBuilder(command(javaExecutable(), options, cds, jar, args, start)).inheritIO();
        childEnvironment(pb.environment());
        Process child;
        try {
            child = pb.start();
        } catch (java.io.IOException | RuntimeException e) {
            return Optional.empty();
        }
        Runtime.getRuntime().addShutdownHook(new StopChild(child));
        while (true) {
            try {
                int status = child.waitFor();
                if (archive.isPresent()) {
                    archive.get().finish(status);
                }
                return Optional.of(status);
            } catch (InterruptedException e) {
                // keep waiting: the child owns the session
            }
        }
    }

    /** Stopping the launcher (Ctrl+C, a signal) stops the window's JVM, and waits a moment for it to close. */
    private static final class StopChild extends Thread {
        private final Process child;

        StopChild(Process child) {
            super("perprisk-stop-child");
            this.child = child;
        }

        @Override
        public void run() {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
