package com.perprisk.ui.tiles;

import com.perprisk.io.Samples;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 9: isolated positions were invisible to the account tiles (an isolated position 4.6% from
 * liquidation showed "Margin ratio 0.0%" in green). The gauge shows the riskiest pool and says which.
 */
class RiskiestPoolTest {
    private final Formats fmt = new Formats(Locale.US);

    private TileValues tiles(WorkspaceViewModel vm) {
        RiskContext c = vm.context();
        return TilesViewModel.compute(fmt, c.getPortfolio(), c.getRisk(), null, c.problemProperty().get());
    }

    @Test
    void anIsolatedOnlyWorkspaceShowsItsPositionsRatioNotZero() {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), fmt);
        vm.load(TestDocs.isolatedLong(), null);
        TileValues v = tiles(vm);
        // 1 BTC at 60,000, 10x isolated: requirement 300 / margin 6,000 = 5%
        assertEquals(0.05, v.marginRatio(), 1e-12);
        assertEquals("isolated p1", v.marginRatioPool());
        assertTrue(v.marginRatioDetail().startsWith("isolated p1: requirement 300.00 / margin 6,000.00"),
                v.marginRatioDetail());
    }

    @Test
    void theDemoShowsTheIsolatedSolPositionOverTheSaferCrossPool() throws Exception {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), fmt);
        vm.load(Samples.demo(), null);
        var sol = vm.context().getRisk().position("sol-iso").orElseThrow();
        double cross = vm.context().getRisk().account().marginRatio();
        assertTrue(sol.marginRatio() > cross, sol.marginRatio() + " vs " + cross);
        TileValues v = tiles(vm);
        assertEquals(sol.marginRatio(), v.marginRatio(), 1e-15);
        assertEquals("isolated sol-iso", v.marginRatioPool());
        // when the cross pool is the riskier one, it is shown and named
        vm.account().walletBalanceProperty().set("3000");
        TileValues c = tiles(vm);
        assertEquals("cross pool", c.marginRatioPool());
        assertEquals(vm.context().getRisk().account().marginRatio(), c.marginRatio(), 1e-15);
    }
}
