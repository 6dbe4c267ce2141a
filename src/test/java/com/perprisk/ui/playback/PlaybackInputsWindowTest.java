package com.perprisk.ui.playback;

import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.io.LessonCodec;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 8: playback showed the entered inputs (size, wallet) beside the simulated results, and a
 * liquidated position as "—". Now the input cells show the simulated state, read-only and marked, and a closed
 * position says where and when it was liquidated; Stop brings the entered inputs back.
 */
class PlaybackInputsWindowTest extends MainWindowHarness {
    @Override
    protected WorkspaceDocument startDocument() {
        try {
            return LessonCodec.workspace(LessonCodec.find("tier-boundary").orElseThrow());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theInputCellsShowTheSimulatedStateAndALiquidationSaysWhereAndWhen() {
        PlaybackViewModel[] p = new PlaybackViewModel[1];
        String enteredSize = text(positionsTable(), 0, "col-size");
        TextField wallet = lookup("#wallet-balance").queryAs(TextField.class);
        String enteredWallet = wallet.getText();
        fx(() -> {
            p[0] = new PlaybackViewModel(vm);
            p[0].stepsProperty().set(40);
            p[0].draw("BTCUSDT", 40, 30_000);
            assertTrue(p[0].prepare(), p[0].problemProperty().get());
        });
        Formats f = vm.formats();
        var partial = (SimulationEvent.PartialLiquidation) p[0].allEvents().stream()
                .filter(e -> e instanceof SimulationEvent.PartialLiquidation).findFirst().orElseThrow();
        fx(() -> p[0].seek(partial.step()));
        assertEquals(f.quantity(partial.remainingSize(), 6), text(positionsTable(), 0, "col-size"));
        assertTrue(cell(positionsTable(), 0, "col-size").getStyleClass().contains(SimulatedInputs.STYLE));
        assertFalse(wallet.isEditable(), "the simulated wallet is read-only");
        assertTrue(wallet.getStyleClass().contains(SimulatedInputs.STYLE));
        // the scenario bar shows the simulated mark and time, not the entered mark "(as entered)"
        var bar = (com.perprisk.ui.scenario.ScenarioBar) view.scenarioPanel();
        double simMark = vm.context().getPortfolio().market("BTCUSDT").orElseThrow().markPrice();
        double enteredMark = vm.context().enteredPortfolioProperty().get().market("BTCUSDT").orElseThrow().markPrice();
        assertTrue(simMark != enteredMark, "the path has moved the mark");
        String mark = bar.markText();
        assertFalse(mark.contains("as entered"), mark);
        assertTrue(mark.startsWith("BTCUSDT mark " + f.price(simMark, enteredMark) + " (simulated, t = "
                + f.quantity(partial.timeHours(), 2) + " h"), mark);
        assertTrue(bar.slider().isDisabled(), "the scenario is off during a playback");
        // a double click does not edit a simulated cell
        doubleClickOn(cell(positionsTable(), 0, "col-size"));
        assertNull(positionsTable().getEditingCell());

        fx(() -> p[0].toEnd());
        var liq = (SimulationEvent.Liquidation) p[0].allEvents().stream()
                .filter(e -> e instanceof SimulationEvent.Liquidation).findFirst().orElseThrow();
        String liqText = text(positionsTable(), 0, "col-liquidationPrice");
        assertEquals("liquidated at " + f.money(liq.fillPrice()) + ", t = " + PlaybackPaths.trim(liq.timeHours())
                + " h", liqText);
        assertEquals(f.money(vm.context().getPortfolio().account().walletBalance()), wallet.getText());

        fx(() -> p[0].reset());
        assertEquals(enteredSize, text(positionsTable(), 0, "col-size"));
        assertEquals(enteredWallet, wallet.getText());
        assertTrue(wallet.isEditable());
        assertEquals(enteredWallet, vm.account().walletBalanceProperty().get(), "the entered wallet is untouched");
        assertTrue(bar.markText().endsWith("(as entered)"), bar.markText());
        assertFalse(bar.slider().isDisabled());
    }
}
