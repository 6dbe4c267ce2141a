package com.perprisk.ui.workspace;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.PositionMode;
import com.perprisk.io.Samples;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.tiles.TileValues;
import com.perprisk.ui.tiles.TilesViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 5: one invalid input blanked every result. Results that do not depend on the bad input keep
 * showing; "+ Add" proposes a valid position; messages name positions by their ID and modes in words. The demo:
 * btc-long (BTCUSDT cross), eth-short (ETHUSDT cross), sol-iso (SOL isolated).
 */
class PartialResultsTest {
    private final RiskContext ctx = new RiskContext();
    private WorkspaceViewModel vm;
    private final Formats fmt = new Formats(Locale.US);

    @BeforeEach
    void demo() throws Exception {
        vm = new WorkspaceViewModel(ctx, fmt);
        vm.load(Samples.demo(), null);
        assertEquals("btc-long", vm.positions().get(0).getId());
        assertEquals(MarginMode.ISOLATED, vm.positions().get(2).marginModeProperty().get());
    }

    private TileValues tiles() {
        return TilesViewModel.compute(fmt, ctx.getPortfolio(), ctx.getRisk(), null, ctx.problemProperty().get(),
                ctx.adlStandingsProperty().get(), ctx.unavailableProperty().get());
    }

    @Test
    void addInTheDemoProposesAValidPositionOnAFreeMarket() {
        // every demo market already holds a position (one-way): the new row comes with a new market
        Set<String> before = new HashSet<>(vm.symbols());
        PositionRow added = vm.addPosition();
        assertFalse(vm.hasErrors(), vm.problems().toString());
        assertFalse(before.contains(added.symbolProperty().get()), added.symbolProperty().get());
        vm.positions().forEach(p -> assertNotNull(p.getRisk(), p.getId()));
        vm.undo();
        assertEquals(3, vm.positions().size());
        assertEquals(before, new HashSet<>(vm.symbols()), "one undo removes both");
    }

    @Test
    void addInHedgeModeTakesTheOtherSide() {
        vm.account().positionModeProperty().set(PositionMode.HEDGE);
        PositionRow added = vm.addPosition();
        assertFalse(vm.hasErrors(), vm.problems().toString());
        assertEquals("BTCUSDT", added.symbolProperty().get());
        assertEquals(com.perprisk.engine.Side.SHORT, added.sideProperty().get());
    }

    @Test
    void leverage150OnOneCrossPositionHidesOnlyItsOwnRow() {
        vm.positions().get(0).leverageProperty().set("150");
        assertTrue(vm.hasErrors());
        assertNull(vm.positions().get(0).getRisk());
        assertTrue(vm.positions().get(0).notComputedReason().contains("leverage"));
        assertNotNull(vm.positions().get(1).getRisk(), "eth-short's liquidation price does not depend on it");
        assertNotNull(vm.positions().get(2).getRisk());
        String problem = ctx.problemProperty().get();
        assertTrue(problem.startsWith("Position btc-long · leverage: "), problem);
        assertFalse(problem.contains("positions["), problem);
        TileValues t = tiles();
        assertNotNull(t.marginRatio(), "the maintenance requirement does not depend on leverage");
        assertNull(t.availableBalance(), "the initial margin does");
        assertTrue(t.availableDetail().contains("btc-long"), t.availableDetail());
    }

    @Test
    void aBadHorizonHidesOnlyTheFundingOverIt() {
        vm.account().horizonHoursProperty().set("abc");
        assertTrue(vm.hasErrors());
        vm.positions().forEach(p -> assertNotNull(p.getRisk(), p.getId()));
        assertNull(tiles().fundingOverHorizon());
        assertTrue(tiles().fundingDetail().startsWith("depends on the funding horizon"), tiles().fundingDetail());
        assertNotNull(tiles().marginRatio());
    }

    @Test
    void aBadIsolatedPositionHidesOnlyItself() {
        vm.positions().get(2).sizeProperty().set("-3");
        assertNull(vm.positions().get(2).getRisk());
        assertNotNull(vm.positions().get(0).getRisk());
        assertNotNull(vm.positions().get(1).getRisk());
        assertNotNull(tiles().marginRatio());
    }

    @Test
    void aBadCrossPositionHidesTheCrossPoolButNotTheIsolatedOne() {
        vm.positions().get(1).sizeProperty().set("x");
        assertNull(vm.positions().get(1).getRisk());
        assertNull(vm.positions().get(0).getRisk(), "btc-long shares the cross pool");
        assertTrue(vm.positions().get(0).notComputedReason().contains("cross pool"));
        assertNotNull(vm.positions().get(2).getRisk(), "sol-iso has its own margin");
        assertNull(tiles().marginRatio());
        assertTrue(tiles().marginRatioDetail().contains("eth-short"), tiles().marginRatioDetail());
    }

    @Test
    void aSecondPositionOnASymbolInOneWayModeIsNamedInTheUsersWords() {
        vm.positions().get(1).symbolProperty().set("BTCUSDT");
        String problem = ctx.problemProperty().get();
        assertFalse(problem.contains("ONE_WAY"), problem);
        assertFalse(problem.contains("positions["), problem);
        assertTrue(problem.contains("one-way"), problem);
        assertTrue(problem.startsWith("Position eth-short · symbol"), problem);
        assertNotNull(vm.positions().get(2).getRisk());
    }

    @Test
    void aBadWalletHidesTheCrossPoolOnly() {
        vm.account().walletBalanceProperty().set("-5");
        assertNull(vm.positions().get(0).getRisk());
        assertNull(vm.positions().get(1).getRisk());
        assertNotNull(vm.positions().get(2).getRisk());
    }

    @Test
    void anIsolatedMarginBelowTheInitialMarginIsRefusedAtItsField() {
        // sol-iso: 150 SOL at 142.5, 5x → IM 4,275; 100 cannot open it (issue 9 §2.11)
        vm.positions().get(2).isolatedMarginProperty().set("100");
        InputProblem p = vm.problemAt("positions[2].isolatedMargin").orElseThrow();
        assertTrue(p.error());
        assertTrue(p.message().contains("below the initial margin 4,275.00"), p.message());
        assertNull(vm.positions().get(2).getRisk());
        assertNotNull(vm.positions().get(0).getRisk(), "the cross positions do not depend on it");
        vm.positions().get(2).isolatedMarginProperty().set("4275");
        assertFalse(vm.hasErrors(), vm.problems().toString());
    }
}
