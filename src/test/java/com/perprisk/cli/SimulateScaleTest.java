package com.perprisk.cli;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.simulation.PricePath;
import com.perprisk.engine.simulation.Simulation;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 14 item 13: simulate refuses a path too large to hold at once, and streams its events. */
class SimulateScaleTest {

    static String workspace(int markets) {
        StringBuilder b = new StringBuilder("{\"format\": \"perprisk-workspace\", \"version\": 1, \"account\": "
                + "{\"walletBalance\": 1000000, \"positionMode\": \"ONE_WAY\"}, \"markets\": [");
        for (int i = 0; i < markets; i++) {
            b.append(i == 0 ? "" : ",").append("{\"symbol\": \"M").append(i).append("\", \"convention\": \"BINANCE\","
                    + " \"markPrice\": 100, \"tiers\": [{\"floor\": 0, \"maxLeverage\": 100, \"mmr\": 0.005}]}");
        }
        return b.append("], \"positions\": [{\"id\": \"p\", \"symbol\": \"M0\", \"side\": \"LONG\", \"size\": 1,"
                + " \"entryPrice\": 100, \"leverage\": 2, \"marginMode\": \"CROSS\"}]}").toString();
    }

    @Test
    void aRunTooLargeToHoldIsRefusedAtOnceInOneLine(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("big.perprisk.json");
        Files.writeString(ws, workspace(1_000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // 1,000 markets × 1,000,001 points: before the limit this ran out of heap ("Java heap space", exit 4)
        int status = Cli.run(new String[]{"simulate", ws.toString(), "--seed", "1", "--steps", "1000000",
                        "--volatility", "0.8"}, new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        assertEquals(Cli.INVALID, status, e);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertEquals(1, e.lines().count(), e);
        assertEquals("error: a path of 1,000 markets × 1,000,001 points is too large to simulate (at most 20,000,000"
                + " market-points; use fewer steps or markets)", e.strip());
    }

    @Test
    void streamedEventsAreHandedOnAndNotKept() {
        TierTable t = TierTable.resolve(Convention.BINANCE, List.of(TierSpec.derived(0, Double.POSITIVE_INFINITY,
                100, 0.005)));
        Market m = new Market("BTCUSDT", Convention.BINANCE, 60_000, 60_000, 0, t, null, new FundingTerms(0.0001, 1),
                null);
        Portfolio pf = new Portfolio(new Account(100_000, PositionMode.ONE_WAY), List.of(m),
                List.of(Position.cross("p", "BTCUSDT", Side.LONG, 1, 60_000, 2)), 720);
        PricePath path = PricePath.gbm(Map.of("BTCUSDT", 60_000.0), PricePath.GbmSpec.of(0.1, 5_000, 3));
        AtomicInteger seen = new AtomicInteger();
        Simulation.Result streamed = Simulation.stream(pf, path, Simulation.Settings.defaults(),
                e -> seen.incrementAndGet(), null);
        Simulation.Result kept = Simulation.run(pf, path, Simulation.Settings.defaults());
        // hourly funding: one event per step, handed on as it happens and not held by the run
        assertEquals(5_000, seen.get());
        assertTrue(streamed.events().isEmpty());
        assertEquals(5_000, streamed.eventCount());
        assertEquals(kept.events().size(), streamed.eventCount());
        assertEquals(kept.ledger(), streamed.ledger());
        assertEquals(kept.finalPortfolio(), streamed.finalPortfolio());
    }
}
