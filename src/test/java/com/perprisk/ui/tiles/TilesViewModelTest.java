package com.perprisk.ui.tiles;

import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.ui.support.Fixtures;
import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TilesViewModelTest {
    private static final Formats FMT = new Formats(Locale.US);


    @Test
    void valuesComeFromTheResults() {
        PortfolioRisk risk = Fixtures.handRisk();
        TileValues v = TilesViewModel.compute(FMT, Fixtures.portfolio(), risk, null, "");
        // the riskiest pool: isolated p2 (0.0774) over the cross pool (120 / 11,000)
        assertEquals(0.0774, v.marginRatio(), 1e-15);
        assertEquals("isolated p2", v.marginRatioPool());
        assertEquals(TileValues.Level.OK, v.marginRatioLevel());
        // p2 is nearest: 8% from its LP
        assertEquals(0.08, v.nearestDistance(), 1e-15);
        assertTrue(v.nearestDetail().equals("p2 · LP 3,240.00"), v.nearestDetail());
        assertEquals(TileValues.Level.WARNING, v.nearestLevel());
        assertEquals(-270 + 270 - 540, v.fundingOverHorizon(), 1e-9);
        assertTrue(v.fundingDetail().startsWith("paid over 720 h"), v.fundingDetail());
        // without standings (no population ranked yet) the ADL tile has nothing to show
        assertEquals(0, v.adlQuintile());
        assertNull(v.adlInLine());
        // the most lights when nothing is selected, the selected position's standing otherwise
        var standings = java.util.Map.of(
                "p1", new com.perprisk.engine.adl.AdlQueue.Standing("BTCUSDT", com.perprisk.engine.Side.LONG, 0.8,
                        true, 3, 401, 4),
                "p3", new com.perprisk.engine.adl.AdlQueue.Standing("BTCUSDT", com.perprisk.engine.Side.LONG, -6.0,
                        false, 401, 401, 0));
        TileValues most = TilesViewModel.compute(FMT, Fixtures.portfolio(), risk, null, "", standings);
        assertEquals(4, most.adlQuintile());
        assertEquals("most at risk: p1: BTCUSDT long queue: 3rd of 401, score 0.8000, 4 of 5 lights",
                most.adlStanding());
        assertEquals("p1 · long 3rd", most.adlDetail());
        TileValues p3 = TilesViewModel.compute(FMT, Fixtures.portfolio(), risk, "p3", "", standings);
        assertEquals(0, p3.adlQuintile());
        assertEquals(Boolean.FALSE, p3.adlInLine());
        assertEquals("p3 · long", p3.adlDetail());
        assertTrue(p3.adlStanding().contains("at the back"), p3.adlStanding());
        assertEquals(8_100, v.availableBalance(), 0);
    }

    @Test
    void marginRatioThresholdsAt80And100Percent() {
        assertEquals(TileValues.Level.OK, TilesViewModel.ratioLevel(0.7999));
        assertEquals(TileValues.Level.WARNING, TilesViewModel.ratioLevel(0.80));
        assertEquals(TileValues.Level.WARNING, TilesViewModel.ratioLevel(0.9999));
        assertEquals(TileValues.Level.DANGER, TilesViewModel.ratioLevel(1.0));
        assertEquals(TileValues.Level.DANGER, TilesViewModel.ratioLevel(3.0));
        assertEquals(TileValues.Level.NONE, TilesViewModel.ratioLevel(null));
        assertEquals(TileValues.Level.NONE, TilesViewModel.ratioLevel(Double.NaN));
        assertEquals(TileValues.Level.DANGER, TilesViewModel.distanceLevel(-0.01));
        assertEquals(TileValues.Level.DANGER, TilesViewModel.distanceLevel(0.049));
        assertEquals(TileValues.Level.WARNING, TilesViewModel.distanceLevel(0.05));
        assertEquals(TileValues.Level.OK, TilesViewModel.distanceLevel(0.15));
    }

    @Test
    void missingValuesCarryAReason() {
        PortfolioRisk bankrupt = new PortfolioRisk(new AccountRisk(100, -200, -100, 50, 10, null, 0),
                List.of(Fixtures.handRisk().positions().get(0)), List.of(), Map.of(), List.of());
        TileValues v = TilesViewModel.compute(FMT, null, bankrupt, null, "");
        assertNull(v.marginRatio());
        assertEquals(TileValues.Level.NONE, v.marginRatioLevel());
        assertTrue(v.marginRatioDetail().contains("bankrupt"), v.marginRatioDetail());

        TileValues none = TilesViewModel.compute(FMT, null, null, null, "Position p1: size must be above 0");
        assertNull(none.marginRatio());
        assertNull(none.availableBalance());
        assertEquals("Position p1: size must be above 0", none.problem());
        assertEquals("Position p1: size must be above 0", none.nearestDetail());
    }
}
