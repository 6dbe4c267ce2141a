package com.perprisk.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A probe, not a test (bench/ is not run by Surefire): how much memory {@code calc --explain} needs for 10,000
 * positions (hedge mode: a long and a short in each of 5,000 markets with a 4-bracket table, every fourth isolated). Each run is a separate JVM
 * ({@code java -XmxN -cp … com.perprisk.Launcher calc WS --explain > out}); the probe prints the output size, the
 * smallest heap limit it runs in, and the peak resident memory without a limit ({@code /usr/bin/time}).
 * {@code mvn -B -ntp test -Dtest=ExplainMemoryProbe -Dsurefire.failIfNoSpecifiedTests=false}
 */
public class ExplainMemoryProbe {
    static final int POSITIONS = 10_000;
    static final int MARKETS = POSITIONS / 2;

    @Test
    void explainMemoryIsFlat(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("big.perprisk.json");
        Files.writeString(ws, workspace(), StandardCharsets.UTF_8);
        Path out = dir.resolve("out.json");

        Run free = run(ws, out, null);
        assertTrue(free.status == 0, "exit " + free.status + ": " + free.err);
        long bytes = Files.size(out);
        int smallest = -1;
        for (int mb : new int[] {16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048}) {
            if (run(ws, out, mb).status == 0) {
                smallest = mb;
                break;
            }
        }
        System.out.printf(Locale.ROOT, "calc --explain, %,d positions in %d markets: %,d bytes of output;"
                        + " runs with -Xmx%dm; peak RSS without a limit %,d KB, %.2f s%n",
                POSITIONS, MARKETS, bytes, smallest, free.maxRssKb, free.seconds);
    }

    record Run(int status, long maxRssKb, double seconds, String err) {
    }

    private static Run run(Path ws, Path out, Integer heapMb) throws IOException, InterruptedException {
        Path timeOut = ws.resolveSibling("time.txt");
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/time", "-f", "%M %e", "-o", timeOut.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        if (heapMb != null) {
            cmd.add("-Xmx" + heapMb + "m");
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.perprisk.Launcher", "calc",
                ws.toString(), "--explain"));
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = p.waitFor();
        String[] t = Files.readString(timeOut).trim().lines().reduce((a, b) -> b).orElse("0 0").split(" ");
        return new Run(status, Long.parseLong(t[0]), Double.parseDouble(t[1]), err);
    }

    /** 5,000 Binance markets with a 4-bracket table, a long and a short in each; every fourth position isolated. */
    public static String workspace() {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"format\": \"perprisk-workspace\", \"version\": 1, \"account\": {\"walletBalance\": 5000000,"
                + " \"positionMode\": \"HEDGE\"}, \"horizonHours\": 720, \"markets\": [");
        for (int m = 0; m < MARKETS; m++) {
            double mark = 100 + m;
            sb.append(m == 0 ? "" : ",").append("{\"symbol\": \"M").append(m).append("USDT\", \"convention\":"
                            + " \"BINANCE\", \"markPrice\": ").append(mark).append(", \"indexPrice\": ")
                    .append(mark * 0.9995).append(", \"funding\": {\"rate\": 0.0001, \"intervalHours\": 8},"
                            + " \"tiers\": [{\"floor\": 0, \"cap\": 50000, \"maxLeverage\": 125, \"mmr\": 0.004,"
                            + " \"maintenanceAmount\": 0}, {\"floor\": 50000, \"cap\": 250000, \"maxLeverage\": 100, \"mmr\": 0.005,"
                            + " \"maintenanceAmount\": 50}, {\"floor\": 250000, \"cap\": 1000000, \"maxLeverage\": 50, \"mmr\": 0.01,"
                            + " \"maintenanceAmount\": 1300}, {\"floor\": 1000000, \"maxLeverage\": 20, \"mmr\": 0.025,"
                            + " \"maintenanceAmount\": 16300}]}");
        }
        sb.append("], \"positions\": [");
        for (int i = 0; i < POSITIONS; i++) {
            int m = i / 2;
            double mark = 100 + m;
            sb.append(i == 0 ? "" : ",").append("{\"id\": \"p").append(i).append("\", \"symbol\": \"M").append(m)
                    .append("USDT\", \"side\": \"").append(i % 2 == 0 ? "LONG" : "SHORT").append("\", \"size\": ")
                    .append(1 + i % 7).append(", \"entryPrice\": ").append(mark * (0.97 + (i % 13) * 0.005))
                    .append(", \"leverage\": ").append(5 + i % 15).append(", \"marginMode\": \"")
                    .append(i % 4 == 0 ? "ISOLATED" : "CROSS").append("\"}");
        }
        return sb.append("]}").toString();
    }
}
