package com.perprisk.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code calc} and {@code calc --explain} on every sample and lesson workspace, byte for byte against the output saved
 * in {@code src/test/resources/golden/calc} before the result vocabulary was introduced. A golden file is named
 * {@code <folder>--<workspace>[.explain].json}.
 *
 * <p>The one intended difference since then is listed in {@link #ADDED}: a position's {@code margin} (the margin
 * backing it), which the results CSV had and calc lacked; it is removed from the output before comparing, so the
 * rest is still checked byte for byte. After another intended change, rewrite the files with
 * {@code mvn test -Dtest=CalcGoldenTest -Dgolden.update=true} and say in the commit which fields changed and why.
 */
class CalcGoldenTest {
    /** Position fields added to calc's output on purpose after the golden files were taken. */
    static final List<String> ADDED = List.of("margin");

    private static final Path GOLDEN = Path.of("src/test/resources/golden/calc");
    private static final List<Path> FOLDERS = List.of(Path.of("resources/workspaces"), Path.of("resources/lessons"));

    @TestFactory
    Stream<DynamicTest> calcOutputIsUnchanged() throws IOException {
        boolean update = Boolean.getBoolean("golden.update");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path folder : FOLDERS) {
            List<Path> files;
            try (Stream<Path> s = Files.list(folder)) {
                files = s.filter(f -> f.getFileName().toString().endsWith(".perprisk.json")).sorted().toList();
            }
            for (Path f : files) {
                String base = folder.getFileName() + "--" + f.getFileName().toString().replace(".perprisk.json", "");
                for (boolean explain : new boolean[] {false, true}) {
                    Path golden = GOLDEN.resolve(base + (explain ? ".explain" : "") + ".json");
                    if (!update && !Files.exists(golden)) {
                        continue; // a workspace added after the goldens were taken (another branch's lesson)
                    }
                    tests.add(DynamicTest.dynamicTest(golden.getFileName().toString(), () -> {
                        String out = withoutAdded(calc(f, explain));
                        if (update) {
                            Files.createDirectories(GOLDEN);
                            Files.writeString(golden, out, StandardCharsets.UTF_8);
                        }
                        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), out);
                    }));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no golden files under " + GOLDEN.toAbsolutePath());
        return tests.stream();
    }

    /** The output without the lines of the {@link #ADDED} position fields (each written once per position). */
    static String withoutAdded(String out) {
        String s = out;
        for (String field : ADDED) {
            int before = s.length();
            s = s.replaceAll("(?m)^      \"" + field + "\": [^\n]*,\n", "");
            assertTrue(s.length() < before || s.contains("\"positions\": []"), "no " + field + " field");
        }
        return s;
    }

    private static String calc(Path workspace, boolean explain) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = explain ? new String[] {"calc", workspace.toString(), "--explain"}
                : new String[] {"calc", workspace.toString()};
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Cli.OK, status, err.toString(StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{"), text);
        return text;
    }
}
