package com.perprisk.ui.ticket;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.margin.Order;
import com.perprisk.io.Samples;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.format.WorkingTextTest;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ticket's view model on the demo workspace, without a screen. */
class TicketViewModelTest {
    private WorkspaceViewModel ws;
    private RiskContext ctx;
    private TicketViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        ctx = new RiskContext();
        ws = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        ws.load(Samples.demo(), null);
        vm = new TicketViewModel(ws);
    }

    private String figure(String key) {
        return vm.figures().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow().value();
    }

    private PositionRow row(String id) {
        return ws.positions().stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("Until a size is typed the ticket says so at the amount field and shows no figures")
    void startsAskingForTheAmount() {
        assertEquals("BTCUSDT", vm.symbolProperty().get());
        assertEquals("type the size (BTC)", vm.problems().get(Order.Field.AMOUNT));
        assertTrue(vm.figures().isEmpty());
        assertFalse(vm.canAddProperty().get());
        assertEquals("mark 91,850.00", vm.entryPromptProperty().get());
    }

    @Test
    @DisplayName("Typing a size shows the order, the calculator answers and the whole account before → after")
    void typingASizeShowsBeforeAndAfter() {
        vm.amountProperty().set("0.25");
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        assertEquals("0.25 BTC", figure("size"));
        assertEquals("22,962.50 USDT", figure("notional")); // 0.25 × 91,850
        assertEquals("2,296.25 USDT", figure("initialMargin"));
        assertEquals("The order adds to btc-long (0.5 → 0.75)", vm.effectProperty().get());
        assertEquals(4, vm.accountRows().size());
        TicketRows.Change available = vm.accountRows().get(1);
        assertEquals("20,565.00", available.before());
        assertEquals("18,268.75", available.after()); // 20,565 − 2,296.25
        assertEquals(3, vm.positionRows().size());
        TicketRows.PositionChange btc = vm.positionRows().get(0);
        assertEquals("36,666.35", btc.liquidationBefore());
        assertEquals("55,183.86", btc.liquidationAfter());
        // ETH is cross too: the larger BTC position uses more of the pool, so its price moves
        TicketRows.PositionChange eth = vm.positionRows().get(1);
        assertFalse(eth.liquidationBefore().equals(eth.liquidationAfter()));
        assertEquals("94,083.33 USDT", figure("averageEntry")); // (0.5 × 95,200 + 0.25 × 91,850) / 0.75
    }

    @Test
    @DisplayName("Leverage: the slider and the field follow each other; the slider ends at the table's max leverage")
    void leverageSliderAndField() {
        assertEquals(125, vm.maxLeverageProperty().get());
        vm.leverageProperty().set("20");
        assertEquals(20, vm.leverageSliderProperty().get());
        vm.leverageSliderProperty().set(50);
        assertEquals("50", vm.leverageProperty().get());
        vm.amountProperty().set("0.25");
        vm.leverageProperty().set("150");
        assertTrue(vm.problems().get(Order.Field.LEVERAGE).contains("exceeds"), vm.problems().toString());
        assertFalse(vm.canAddProperty().get());
        vm.symbolProperty().set("SOL");
        assertEquals(20, vm.maxLeverageProperty().get());
        vm.leverageProperty().set("abc");
        assertEquals("leverage: \"abc\" is not a number", vm.problems().get(Order.Field.LEVERAGE));
    }

    @Test
    @DisplayName("Questions: target price for an ROE in %, PnL and both ROE forms at an exit, size for a stop")
    void questions() {
        ws.account().positionModeProperty().set(PositionMode.HEDGE);
        vm.sideProperty().set(Side.SHORT);
        vm.amountProperty().set("1");
        vm.entryProperty().set("90000");
        vm.targetRoePercentProperty().set("50");
        assertEquals("85,500.00 USDT", figure("targetPrice")); // 90,000 × (1 − 0.5 / 10)
        vm.exitProperty().set("81000");
        assertEquals("+9,000.00 USDT", figure("exitPnl"));
        assertEquals("+100.00%", figure("exitRoe"));
        assertEquals("+111.11%", figure("exitRoeOnMargin")); // 9,000 / (81,000 / 10)
        vm.stopProperty().set("92000");
        assertEquals("give a loss budget for the stop", vm.problems().get(Order.Field.LOSS_BUDGET));
        vm.lossBudgetProperty().set("1000");
        assertTrue(vm.problems().isEmpty(), vm.problems().toString());
        assertNotNull(vm.figures().stream().filter(f -> f.key().equals("stopSize")).findFirst().orElse(null));
        vm.targetPnlProperty().set("500");
        assertTrue(vm.problems().get(Order.Field.TARGET_PNL).contains("not both"));
    }

    @Test
    @DisplayName("Every figure has its working; ROE's says it is over the initial margin at entry")
    void everyFigureIsExplained() {
        ws.account().positionModeProperty().set(PositionMode.HEDGE);
        vm.sideProperty().set(Side.SHORT);
        vm.amountProperty().set("1");
        vm.exitProperty().set("80000");
        vm.targetPnlProperty().set("1000");
        vm.stopProperty().set("95000");
        vm.lossBudgetProperty().set("500");
        for (TicketRows.Figure f : vm.figures()) {
            assertNotNull(f.explanation(), f.key());
        }
        for (TicketRows.Change c : vm.accountRows()) {
            assertNotNull(c.explanation(), c.key());
        }
        for (TicketRows.PositionChange p : vm.positionRows()) {
            assertNotNull(p.liquidation(), p.id());
            assertNotNull(p.adl(), p.id());
        }
        vm.explain("exitRoe");
        assertTrue(vm.workingProperty().get().contains("initial margin at entry"), vm.workingProperty().get());
        vm.explain("position.eth-short.liquidationPrice");
        assertTrue(vm.workingProperty().get().startsWith("Liquidation price"), vm.workingProperty().get());
        assertTrue(vm.workingProperty().get().contains(" USDT"), "units in the market's currency");
    }

    @Test
    @DisplayName("The working shows each number to its sensible precision, never the engine's ten digits")
    void workingNumbersAreRoundedForTheScreen() {
        ws.account().positionModeProperty().set(PositionMode.HEDGE);
        vm.sideProperty().set(Side.SHORT);
        vm.amountProperty().set("0.37");
        vm.exitProperty().set("80000");
        vm.stopProperty().set("95000");
        vm.lossBudgetProperty().set("500");
        int shown = 0;
        java.util.List<String> keys = new java.util.ArrayList<>();
        vm.figures().forEach(f -> keys.add(f.key()));
        vm.accountRows().forEach(c -> keys.add(c.key()));
        vm.positionRows().forEach(p -> keys.add("position." + p.id() + ".liquidationPrice"));
        for (String key : keys) {
            vm.explain(key);
            String w = vm.workingProperty().get();
            assertFalse(WorkingTextTest.hasUnroundedNumber(w), key + ":\n" + w);
            shown++;
        }
        assertTrue(shown > 10, "every figure's working was looked at");
        vm.explain("liquidationPrice");
        String w = vm.workingProperty().get();
        String lp = figure("liquidationPrice");
        assertTrue(w.contains("= " + lp.substring(0, lp.indexOf(' '))), "the result as the figure shows it:\n" + w
                + "\n" + lp);
        assertTrue(w.matches("(?s).*\\n  MMR\\w* = [\\d.]+%  .*"), "a rate in per cent:\n" + w);
    }

    @Test
    @DisplayName("Add to workspace is one undoable edit: a merged position, a new one, an isolated margin from the wallet")
    void addToWorkspaceAndUndo() {
        vm.amountProperty().set("0.25");
        assertTrue(vm.addToWorkspace());
        assertEquals(3, ws.positions().size());
        assertEquals("0.75", row("btc-long").sizeProperty().get());
        ws.undo();
        assertEquals("0.5", row("btc-long").sizeProperty().get());

        ws.account().positionModeProperty().set(PositionMode.HEDGE);
        vm.sideProperty().set(Side.SHORT);
        vm.modeProperty().set(MarginMode.ISOLATED);
        vm.leverageProperty().set("5");
        vm.amountProperty().set("0.2");
        assertEquals("opens ticket, a new position", vm.effectProperty().get().substring("The order ".length()));
        assertTrue(vm.addToWorkspace());
        assertEquals(4, ws.positions().size());
        PositionRow added = ws.positions().get(3);
        assertEquals(Side.SHORT, added.sideProperty().get());
        assertEquals(MarginMode.ISOLATED, added.marginModeProperty().get());
        assertEquals("0.2", added.sizeProperty().get());
        // 0.2 × 91,850 / 5 = 3,674 leaves the cross wallet
        assertEquals("26326", ws.account().walletBalanceProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Added " + added.getId()));
        ws.undo();
        assertEquals(3, ws.positions().size());
        assertEquals("30000", ws.account().walletBalanceProperty().get());
        assertEquals(PositionMode.HEDGE, ws.account().positionModeProperty().get());
    }

    @Test
    @DisplayName("With a total wallet an isolated order's margin stays in the total: the cross wallet is what is left")
    void addIsolatedWithATotalWallet() {
        ws.account().walletScopeProperty().set(com.perprisk.io.WalletScope.TOTAL);
        ws.account().walletBalanceProperty().set("34775"); // the demo's 30,000 cross + sol-iso's 4,775
        assertEquals(30_000, ctx.getPortfolio().account().walletBalance(), 1e-9);
        ws.account().positionModeProperty().set(PositionMode.HEDGE);
        vm.sideProperty().set(Side.SHORT);
        vm.modeProperty().set(MarginMode.ISOLATED);
        vm.leverageProperty().set("5");
        vm.amountProperty().set("0.2");
        assertTrue(vm.addToWorkspace());
        assertEquals("34775", ws.account().walletBalanceProperty().get(), "the total is unchanged");
        // 0.2 × 91,850 / 5 = 3,674 moves from the cross wallet into the new isolated position
        assertEquals(30_000 - 3_674, ctx.getPortfolio().account().walletBalance(), 1e-6);
    }

    @Test
    @DisplayName("Load from position fills the ticket from the selected row, to add to it")
    void loadFromPosition() {
        assertFalse(vm.loadFromPosition());
        ctx.selectedPositionIdProperty().set("eth-short");
        assertTrue(vm.loadFromPosition());
        assertEquals("ETHUSDT", vm.symbolProperty().get());
        assertEquals(Side.SHORT, vm.sideProperty().get());
        assertEquals("eth-short", vm.addToProperty().get());
        assertEquals("8", vm.amountProperty().get());
        assertEquals("3050", vm.entryProperty().get());
        vm.amountProperty().set("2");
        vm.entryProperty().set("3000");
        assertEquals("3,040.00 USDT", figure("averageEntry")); // (8 × 3,050 + 2 × 3,000) / 10
        vm.symbolProperty().set("BTCUSDT");
        assertEquals("", vm.addToProperty().get(), "a position of another market is no longer the one to add to");
    }

    @Test
    @DisplayName("While the workspace has errors the ticket says why and computes nothing")
    void workspaceErrors() {
        vm.amountProperty().set("0.25");
        ws.account().walletBalanceProperty().set("abc");
        assertTrue(vm.problemProperty().get().startsWith("The workspace has no results"), vm.problemProperty().get());
        assertNull(vm.getQuote());
        ws.account().walletBalanceProperty().set("30000");
        assertNotNull(vm.getQuote());
    }
}
