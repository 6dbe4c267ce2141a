package com.perprisk;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: the child JVM that {@code java -jar} starts the desktop app in, with the packaged launcher's options. */
class TunedJvmTest {
    private static final Path JAR = Path.of("target", "perprisk.jar");

    @Test
    void theChildGetsTheTunedOptionsThenTheUsersThenTheJarAndTheArguments() {
        List<String> user = List.of("-Dperprisk.settings.dir=/tmp/s", "--add-opens=javafx.graphics/javafx.scene=ALL-UNNAMED");
        List<String> cmd = TunedJvm.command("/jdk/bin/java", user, JAR, new String[] {"demo.json", "--dark"}, 1234L);
        List<String> expected = new java.util.ArrayList<>(List.of("/jdk/bin/java"));
        TunedJvm.OPTIONS.forEach(t -> expected.add(t.option()));
        expected.addAll(user);
        expected.addAll(List.of("-Dperprisk.relaunched=true", "-Dperprisk.launchStart=1234", "-jar",
                JAR.toString(), "demo.json", "--dark"));
        assertEquals(expected, cmd);
        assertTrue(cmd.contains("-XX:+UseSerialGC") && cmd.contains("-Xms64m")
                && cmd.contains("-XX:TieredStopAtLevel=1") && cmd.contains("-XX:MetaspaceSize=64m"), cmd.toString());
    }

    @Test
    void anOptionTheUserGaveWinsOverTheTunedOne() {
        List<String> g1 = TunedJvm.command("java", List.of("-XX:+UseG1GC"), JAR, new String[0], 0);
        assertFalse(g1.contains("-XX:+UseSerialGC"), g1.toString());
        assertFalse(g1.contains("-Xms64m"), "the heap sizing goes with the collector: " + g1);
        assertTrue(g1.contains("-XX:TieredStopAtLevel=1"), g1.toString());

        List<String> xmx = TunedJvm.command("java", List.of("-Xmx32m"), JAR, new String[0], 0);
        assertFalse(xmx.contains("-Xms64m"), "-Xms64m would exceed the user's -Xmx32m: " + xmx);
        assertTrue(xmx.contains("-XX:+UseSerialGC"), xmx.toString());

        for (String compiler : List.of("-XX:TieredStopAtLevel=4", "-XX:-TieredCompilation", "-Xint",
                "-XX:Tier4CompileThreshold=5", "-XX:CompilationMode=high-only")) {
            List<String> own = TunedJvm.command("java", List.of(compiler), JAR, new String[0], 0);
            assertFalse(own.contains("-XX:TieredStopAtLevel=1"), compiler + " wins: " + own);
            assertEquals(1, own.stream().filter(compiler::equals).count(), own.toString());
            assertTrue(own.contains("-XX:MetaspaceSize=64m"), own.toString());
        }
        List<String> meta = TunedJvm.command("java", List.of("-XX:MetaspaceSize=16m"), JAR, new String[0], 0);
        assertFalse(meta.contains("-XX:MetaspaceSize=64m"), meta.toString());
    }

    /** Issue 13 (memory): the C heap is trimmed every 2 s, on every JDK 17 update; the user's interval wins. */
    @Test
    void theNativeHeapIsTrimmedUnlessTheUserSetsItsInterval() {
        List<String> cmd = TunedJvm.command("java", List.of(), JAR, new String[0], 0);
        int trim = cmd.indexOf("-XX:TrimNativeHeapInterval=2000");
        assertTrue(trim > 0, cmd.toString());
        // experimental in 17.0.9 and 17.0.10 (unlocked first), unknown before (ignored): the child still starts
        assertTrue(cmd.indexOf("-XX:+UnlockExperimentalVMOptions") >= 0
                && cmd.indexOf("-XX:+UnlockExperimentalVMOptions") < trim, cmd.toString());
        assertTrue(cmd.contains("-XX:+IgnoreUnrecognizedVMOptions"), cmd.toString());

        List<String> off = TunedJvm.command("java", List.of("-XX:TrimNativeHeapInterval=0"), JAR, new String[0], 0);
        assertFalse(off.contains("-XX:TrimNativeHeapInterval=2000"), off.toString());
        assertEquals(1, off.stream().filter(o -> o.startsWith("-XX:TrimNativeHeapInterval=")).count(), off.toString());
        assertTrue(off.contains("-XX:+UseSerialGC") && off.contains("-Xms64m"), off.toString());

        List<String> strict = TunedJvm.command("java", List.of("-XX:-IgnoreUnrecognizedVMOptions"), JAR,
                new String[0], 0);
        assertFalse(strict.contains("-XX:+IgnoreUnrecognizedVMOptions"), strict.toString());
    }

    /** The tuned options start a JVM of this very JDK, and with them it runs (none is unknown or locked). */
    @Test
    void theTunedOptionsStartThisJdk() throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        TunedJvm.OPTIONS.forEach(t -> cmd.add(t.option()));
        cmd.add("-XX:-IgnoreUnrecognizedVMOptions"); // strict here: a misspelt tuned option fails this test
        cmd.add("-version");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), out);
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void theAppStaysInProcessWhenTheJvmItselfIsWanted() {
        // surefire starts this JVM from a class path, not java -jar
        assertTrue(TunedJvm.jarToRelaunch(new String[0], List.of()).isEmpty());
        for (String o : List.of("-XX:ArchiveClassesAtExit=a.jsa", "-Xshare:dump", "-agentlib:jdwp=transport=dt_socket",
                "-javaagent:x.jar", "-XX:StartFlightRecording=filename=x.jfr")) {
            assertTrue(TunedJvm.jarToRelaunch(new String[0], List.of(o)).isEmpty(), o);
        }
        assertTrue(TunedJvm.jarToRelaunch(new String[] {"--screenshot", "x.png"}, List.of()).isEmpty());
    }

    /** Linux keeps a command line as NUL-terminated words; the launcher takes the JVM options from it. */
    private static byte[] cmdline(String... words) {
        return (String.join("\0", words) + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void theOptionsAreTheWordsBetweenTheExecutableAndJar() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        assertEquals(java.util.Optional.of(List.of("-Xmx1g", "-Dperprisk.settings.dir=/tmp/a b", "-Dname=Zoë")),
                TunedJvm.optionsBeforeJar(cmdline("java", "-Xmx1g", "-Dperprisk.settings.dir=/tmp/a b", "-Dname=Zoë",
                        "-jar", "target/perprisk.jar", "-jar", "--dark"), utf8));
        assertEquals(java.util.Optional.of(List.of()),
                TunedJvm.optionsBeforeJar(cmdline("/usr/bin/java", "-jar", "perprisk.jar"), utf8));
        // the last word without its NUL (a command line cut short) still counts
        byte[] cut = "java\0-Xss1m\0-jar".getBytes(utf8);
        assertEquals(java.util.Optional.of(List.of("-Xss1m")), TunedJvm.optionsBeforeJar(cut, utf8));
    }

    @Test
    void withoutJarOrWithAnArgumentFileTheManagementInterfaceTellsTheOptions() {
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        assertTrue(TunedJvm.optionsBeforeJar(cmdline("java", "-cp", "a.jar", "com.perprisk.Launcher"), utf8).isEmpty());
        assertTrue(TunedJvm.optionsBeforeJar(cmdline("java", "@opts.txt", "-jar", "perprisk.jar"), utf8).isEmpty());
        assertTrue(TunedJvm.optionsBeforeJar(new byte[0], utf8).isEmpty());
        // an argument after the jar may start with @: it is the app's, not the launcher's
        assertEquals(java.util.Optional.of(List.of("-Xmx1g")),
                TunedJvm.optionsBeforeJar(cmdline("java", "-Xmx1g", "-jar", "p.jar", "@me"), utf8));
    }

    /**
     * A JVM started as {@code java [options] -jar} reads its options from its command line exactly as the
     * management interface tells them: {@link OptionsEcho} prints both.
     */
    @Test
    void aJarStartedJvmReadsTheOptionsTheManagementInterfaceTells(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(Path.of("/proc/self/cmdline")), "Linux");
        java.util.jar.Manifest m = new java.util.jar.Manifest();
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(java.util.jar.Attributes.Name.MAIN_CLASS, OptionsEcho.class.getName());
        StringBuilder cp = new StringBuilder();
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            cp.append(Path.of(e).toAbsolutePath().toUri()).append(' ');
        }
        m.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, cp.toString().trim());
        Path jar = dir.resolve("echo.jar");
        try (java.io.OutputStream out = Files.newOutputStream(jar);
             java.util.jar.JarOutputStream j = new java.util.jar.JarOutputStream(out, m)) {
            j.flush();
        }
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss2m", "-Dperprisk.test=a b", "-XX:+UseSerialGC", "-jar", jar.toString(), "-Xnot-an-option")
                .redirectErrorStream(true);
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("_JAVA_OPTIONS");
        Process p = pb.start();
        List<String> lines = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .lines().toList();
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), lines.toString());
        assertEquals(3, lines.size(), lines.toString());
        assertEquals("[-Xss2m, -Dperprisk.test=a b, -XX:+UseSerialGC]", lines.get(0));
        assertEquals(lines.get(0), lines.get(1), "the command line's options are the management interface's");
        assertEquals("[-Xss2m, -Dperprisk.test=a b, -XX:+UseSerialGC]", lines.get(2), "what TunedJvm reads");
    }

    /** Prints this JVM's options from its command line, from the management interface, and as TunedJvm reads them. */
    public static final class OptionsEcho {
        private OptionsEcho() {
        }

        public static void main(String[] args) throws Exception {
            System.out.println(TunedJvm.optionsBeforeJar(Files.readAllBytes(Path.of("/proc/self/cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8).orElse(List.of()));
            System.out.println(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
            System.out.println(TunedJvm.thisJvmOptions());
        }
    }

    /** Without the trace the launcher passes no start time (reading it would load the management classes). */
    @Test
    void theLaunchStartIsPassedOnlyWhenGiven() {
        List<String> cmd = TunedJvm.command("java", List.of(), JAR, new String[0], -1);
        assertFalse(cmd.stream().anyMatch(o -> o.startsWith("-Dperprisk.launchStart")), cmd.toString());
        assertTrue(cmd.contains("-Dperprisk.relaunched=true"), cmd.toString());
    }

    /** The packaged launcher passes the same options (installers/app.args), so both starts behave alike. */
    @Test
    void thePackagedLauncherPassesTheSameOptions() throws Exception {
        List<String> appArgs = Files.readAllLines(Path.of("installers", "app.args")).stream()
                .filter(l -> l.startsWith("--java-options ")).map(l -> l.substring("--java-options ".length()).strip())
                .toList();
        for (TunedJvm.Tuned t : TunedJvm.OPTIONS) {
            assertTrue(appArgs.contains(t.option()), t.option() + " is not in installers/app.args: " + appArgs);
        }
    }

    @Test
    void theChildsEnvironmentLosesTheOptionVariablesAndGainsTheRenderingOnes() {
        java.util.Map<String, String> env = new java.util.HashMap<>(java.util.Map.of("JDK_JAVA_OPTIONS", "-Xmx1g",
                "JAVA_TOOL_OPTIONS", "-Dx=1", "HOME", "/home/u"));
        TunedJvm.childEnvironment(env);
        java.util.Map<String, String> expected = new java.util.HashMap<>(java.util.Map.of("HOME", "/home/u"));
        expected.putAll(RenderingPipeline.childEnvironment(System.getProperty("os.name"), Path.of("/dev")));
        assertEquals(expected, env);
        boolean gpu = Files.exists(Path.of("/dev/dri"));
        if (System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux") && !gpu) {
            assertEquals("disable", env.get("GDK_GL"), "this machine has no GPU device: GTK without OpenGL");
        }
        java.util.Map<String, String> own = new java.util.HashMap<>(java.util.Map.of("GDK_GL", "always"));
        TunedJvm.childEnvironment(own);
        assertEquals("always", own.get("GDK_GL"), "the user's own setting is kept");
    }
}
