package com.perprisk.bench;

import com.perprisk.cli.Cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Issue 14 item 13: how the headless commands grow with the workspace. Writes a workspace of N positions (cross or
 * isolated, one market per position or all in one market, Binance's 12-bracket BTC table) and times one command on
 * it end to end, output discarded. Not run by Surefire. After {@code mvn test-compile} and
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test}:
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) com.perprisk.bench.ScaleProbe \
 *     compare 1000 cross many
 * java ... ScaleProbe probability 100 isolated many [--paths 10000 ...]
 * java ... ScaleProbe simulate 1000 cross many --seed 1 --steps 1000000 --volatility 0.8
 * </pre>
 * Arguments: command, positions, cross|isolated, many|one (markets), then the command's own options (defaults:
 * {@code --volatility 0.8 --horizon-hours 720} for probability). Prints the wall and CPU time of each of 3 runs
 * (the first includes the JIT warm-up; {@code -Dreps=N} for another count) and the exit code. On a shared machine
 * read the CPU time: on 2 idle cores the wall time of a parallel run is about half of it.
 */
public final class ScaleProbe {
    private ScaleProbe() {
    }

    public static void main(String[] args) throws IOException {
        String command = args[0];
        int n = Integer.parseInt(args[1]);
        boolean cross = args[2].equals("cross");
        boolean many = args[3].equals("many");
        Path ws = Files.createTempFile("scale", ".perprisk.json");
        Files.writeString(ws, workspace(n, cross, many));
        String[] extra = java.util.Arrays.copyOfRange(args, 4, args.length);
        if (command.equals("probability") && extra.length == 0) {
            extra = new String[]{"--volatility", "0.8", "--horizon-hours", "720"};
        }
        String[] full = new String[extra.length + 2];
        full[0] = command;
        full[1] = ws.toString();
        System.arraycopy(extra, 0, full, 2, extra.length);
        int reps = Integer.getInteger("reps", 3);
        for (int i = 0; i < reps; i++) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CountingStream out = new CountingStream();
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long c0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            int code = Cli.run(full, new ByteArrayInputStream(new byte[0]), new PrintStream(out, false,
                    StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (os.getProcessCpuTime() - c0) / 1e9;
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, "%s %d %s %s: run %d %.3f s wall, %.3f s CPU, exit %d, %d bytes out, heap used %d MB%s%n",
                    command, n, args[2], args[3], i + 1, s, cpu, code, out.count,
                    (rt.totalMemory() - rt.freeMemory()) >> 20,
                    err.size() > 0 ? ", stderr: " + err.toString(StandardCharsets.UTF_8).lines().findFirst()
                            .orElse("") : "");
        }
        Files.deleteIfExists(ws);
    }

    /** Discards what is written, counting the bytes. */
    static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }

    static String workspace(int n, boolean cross, boolean many) {
        String tiers = """
                [ {"floor": 0, "cap": 50000, "maxLeverage": 125, "mmr": 0.004},
                  {"floor": 50000, "cap": 600000, "maxLeverage": 100, "mmr": 0.005},
                  {"floor": 600000, "cap": 3000000, "maxLeverage": 75, "mmr": 0.0065},
                  {"floor": 3000000, "cap": 12000000, "maxLeverage": 50, "mmr": 0.01},
                  {"floor": 12000000, "cap": 70000000, "maxLeverage": 25, "mmr": 0.02},
                  {"floor": 70000000, "cap": 100000000, "maxLeverage": 20, "mmr": 0.025},
                  {"floor": 100000000, "cap": 230000000, "maxLeverage": 10, "mmr": 0.05},
                  {"floor": 230000000, "cap": 480000000, "maxLeverage": 5, "mmr": 0.1},
                  {"floor": 480000000, "cap": 600000000, "maxLeverage": 4, "mmr": 0.125},
                  {"floor": 600000000, "cap": 800000000, "maxLeverage": 3, "mmr": 0.15},
                  {"floor": 800000000, "cap": 1200000000, "maxLeverage": 2, "mmr": 0.25},
                  {"floor": 1200000000, "cap": 1800000000, "maxLeverage": 1, "mmr": 0.5} ]""";
        StringBuilder b = new StringBuilder("{\"format\": \"perprisk-workspace\", \"version\": 1, \"account\": "
                + "{\"walletBalance\": " + (n * 2000) + ", \"positionMode\": \"HEDGE\"}, \"markets\": [");
        int markets = many ? n : 1;
        for (int i = 0; i < markets; i++) {
            double mark = 100 + i;
            b.append(i == 0 ? "" : ",").append("{\"symbol\": \"M").append(i).append("\", \"convention\": \"")
                    .append(i % 3 == 0 ? "BINANCE" : i % 3 == 1 ? "BYBIT" : "OKX").append("\", \"markPrice\": ")
                    .append(mark).append(", \"takerFeeRate\": 0.0005, \"tiers\": ").append(tiers)
                    .append(", \"funding\": {\"rate\": 0.0001, \"intervalHours\": 8}}");
        }
        b.append("], \"positions\": [");
        for (int i = 0; i < n; i++) {
            int m = many ? i : 0;
            double mark = 100 + m;
            boolean longSide = i % 2 == 0;
            b.append(i == 0 ? "" : ",").append("{\"id\": \"p").append(i).append("\", \"symbol\": \"M").append(m)
                    .append("\", \"side\": \"").append(longSide ? "LONG" : "SHORT").append("\", \"size\": ")
                    .append(10 + i % 7).append(", \"entryPrice\": ").append(mark * (longSide ? 1.01 : 0.99))
                    .append(", \"leverage\": ").append(2 + i % 9).append(", \"marginMode\": \"")
                    .append(cross ? "CROSS" : "ISOLATED").append("\"}");
        }
        return b.append("]}").toString();
    }
}
