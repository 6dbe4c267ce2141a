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
}
