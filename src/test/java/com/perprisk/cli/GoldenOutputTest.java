package com.perprisk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The output of {@code simulate}, {@code compare} and {@code probability} on every sample and lesson workspace,
 * recorded before the engine refactor of issue 8 and compared byte for byte (exit code, standard output, standard
 * error) ever since. Record again with {@code -Dgolden.record=true} only for a change that is meant (and say which
 * in the commit). The recordings live in {@code src/test/resources/golden}.
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One command line per recording; {@code %s} is the workspace, {@code %p} the generated CSV path. */
    private static final List<String[]> VARIANTS = List.of(
            new String[]{"simulate-gbm", "simulate %s --seed 7 --steps 240 --volatility 0.8"},
            new String[]{"simulate-wild", "simulate %s --seed 3 --steps 400 --volatility 1.6 --correlation 0.6"
                    + " --slippage 0.01 --liquidation-fee 0.005"},
            new String[]{"simulate-crash", "simulate %s --path %p --slippage 0.002 --liquidation-fee 0.004"},
            new String[]{"compare", "compare %s"},
            new String[]{"probability", "probability %s --volatility 0.8 --horizon-hours 720 --paths 2000 --seed 5"},
            new String[]{"probability-corr", "probability %s --volatility 1.1 --horizon-hours 240 --paths 1500"
                    + " --seed 9 --correlation 0.5 --step-hours 4 --drift 0.1"});

    static List<Path> workspaces() throws IOException {
        List<Path> out = new ArrayList<>();
        for (String dir : new String[]{"resources/workspaces", "resources/lessons"}) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.getFileName().toString().endsWith(".perprisk.json")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @TestFactory
    List<DynamicTest> outputIsUnchanged() throws IOException {
        boolean record = Boolean.getBoolean("golden.record");
        Path tmp = Files.createTempDirectory("golden");
        List<DynamicTest> tests = new ArrayList<>();
        for (Path ws : workspaces()) {
            String name = ws.getFileName().toString().replace(".perprisk.json", "");
            Path csv = tmp.resolve(name + ".csv");
            Files.writeString(csv, crashPath(ws));
            for (String[] v : VARIANTS) {
                String line = v[1].replace("%s", ws.toString()).replace("%p", csv.toString());
                Path file = GOLDEN.resolve(name + "." + v[0] + ".txt");
                tests.add(DynamicTest.dynamicTest(name + " " + v[0], () -> {
                    String actual = run(line.split(" "));
                    if (record) {
                        Files.createDirectories(GOLDEN);
                        Files.writeString(file, actual);
                    } else {
                        assertEquals(Files.readString(file), actual, line);
                    }
                }));
            }
        }
        return tests;
    }

    /**
     * A deterministic path for every market of the workspace: 121 hourly points falling 45% in 60 hours, then
     * recovering to 130% of the start, so that liquidations, slices, the fund and ADL all happen.
     */
    static String crashPath(Path workspace) {
        try {
            JsonNode root = JSON.readTree(workspace.toFile());
            StringBuilder b = new StringBuilder("timestamp,symbol,mark\n");
            for (int k = 0; k <= 120; k++) {
                for (JsonNode m : root.path("markets")) {
                    double start = m.path("markPrice").asDouble();
                    double f = k <= 60 ? 1 - 0.45 * k / 60.0 : 0.55 + 0.75 * (k - 60) / 60.0;
                    b.append(1_700_000_000L + k * 3600L).append(',').append(m.path("symbol").asText()).append(',')
                            .append(start * f).append('\n');
                }
            }
            return b.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(String[] args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return "exit " + status + "\n--- stdout\n" + out.toString(StandardCharsets.UTF_8) + "--- stderr\n"
                + err.toString(StandardCharsets.UTF_8);
    }
}
