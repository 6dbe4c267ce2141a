package com.perprisk.ui.positions;

import com.perprisk.engine.adl.AdlQueue;
import com.perprisk.ui.support.MainWindowHarness;
import com.perprisk.ui.tiles.TilesPane;
import javafx.scene.control.TableCell;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 2: in the demo every position is losing, yet each showed 4–5 red ADL lights (ranked only against
 * the user's own positions). Losing positions are at the back of their market's queue: no light is lit.
 */
class AdlLightsWindowTest extends MainWindowHarness {
    private long litLights(int row) {
        TableCell<?, ?> c = cell(positionsTable(), row, "col-adl");
        return c.lookupAll(".adl-light").stream().filter(n -> n instanceof Circle
                && n.getStyleClass().contains("lit")).count();
    }

    @Test
    void losingPositionsLightNothingAndTheTileSaysTheyAreAtTheBack() {
        for (int i = 0; i < vm.positions().size(); i++) {
            assertTrue(vm.positions().get(i).getRisk().unrealizedPnl() < 0, "the demo's positions all lose");
            assertEquals(0, litLights(i), "row " + i);
        }
        TilesPane tiles = (TilesPane) view.tilesPanel();
        assertEquals("back", tiles.valueText("tile-adl"));
        assertEquals("btc-long · long", tiles.detailText("tile-adl"));
        assertTrue(ctx.adlPopulationProperty().get().startsWith("assumed: 200 per market and side, seed 1"),
                ctx.adlPopulationProperty().get());
    }

    @Test
    void aProfitablePositionIsRankedInItsOwnMarketAgainstTheStatedPopulation() {
        fx(() -> vm.markets().get(0).markPriceProperty().set("120000")); // BTC long from 95,200 now in profit
        Map<String, AdlQueue.Standing> st = ctx.adlStandingsProperty().get();
        AdlQueue.Standing btc = st.get(vm.positions().get(0).getId());
        assertTrue(btc.inLine());
        assertEquals("BTCUSDT", btc.symbol());
        assertEquals(2 * 0 + 201, btc.queueSize(), "the position and 200 assumed longs in BTCUSDT");
        assertEquals(btc.lights(), litLights(0));
        assertTrue(btc.lights() >= 1);
        // another population changes the ranking, and is kept in the workspace for the simulation
        fx(() -> view.positionsView().adl().setGenerated(7, 20));
        AdlQueue.Standing again = ctx.adlStandingsProperty().get().get(vm.positions().get(0).getId());
        assertEquals(21, again.queueSize());
        assertEquals(Map.of("seed", 7L, "perSide", 20), vm.documentExtra().get("counterparties"));
        assertTrue(ctx.adlPopulationProperty().get().startsWith("the workspace's counterparties: 20"));
        fx(vm::undo);
        assertFalse(vm.documentExtra().containsKey("counterparties"));
    }
}
