package com.perprisk.engine.simulation;

import com.perprisk.engine.Portfolio;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-tick callback the desktop playback replays: one state per point, the last one the final result. */
class SimulationTicksTest {

    @Test
    void everyPointReportsItsStateAndTheLastIsTheResult() {
        Portfolio p = com.perprisk.io.WorkspaceMapper.toPortfolio(
                com.perprisk.ui.workspace.TestDocs.isolatedLong()).portfolio();
        PricePath path = PricePath.gbm(Map.of("BTCUSDT", 60_000.0, "ETHUSDT", 3_000.0),
                new PricePath.GbmSpec(1.5, -2, 1, 120, 3, 0.5));
        List<Simulation.Tick> ticks = new ArrayList<>();
        Simulation.Result r = Simulation.run(p, path, Simulation.Settings.defaults(), ticks::add);
        assertEquals(path.points(), ticks.size());
        for (int k = 0; k < ticks.size(); k++) {
            assertEquals(k, ticks.get(k).step());
            assertEquals(path.mark("BTCUSDT", k), ticks.get(k).portfolio().requireMarket("BTCUSDT").markPrice());
            assertTrue(k == 0 || ticks.get(k).events() >= ticks.get(k - 1).events());
        }
        Simulation.Tick last = ticks.get(ticks.size() - 1);
        assertEquals(r.finalPortfolio(), last.portfolio());
        assertEquals(r.events().size(), last.events());
        assertEquals(r.insuranceFund(), last.insuranceFund());
        // the same run without the callback gives the same result
        assertEquals(r, Simulation.run(p, path, Simulation.Settings.defaults()));
    }
}
