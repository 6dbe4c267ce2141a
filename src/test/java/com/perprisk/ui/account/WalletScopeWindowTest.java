package com.perprisk.ui.account;

import com.perprisk.io.WalletScope;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.ui.support.MainWindowHarness;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 9 §2 defect 9, last part: the wallet field says it is the cross wallet, and the user can choose to enter a
 * total wallet instead, from which the isolated margins are taken; the choice is saved as account.walletScope.
 */
@Tag("ui")
class WalletScopeWindowTest extends MainWindowHarness {
    /** The text the closed choice shows. */
    private static String shown(ComboBox<?> box) {
        WaitForAsyncUtils.waitForFxEvents();
        // the button cell is the box's own child (the popup's list holds the others)
        return box.lookupAll(".list-cell").stream().filter(n -> n.getParent() == box)
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).findFirst().orElse(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWalletCanBeTheTotalFromWhichIsolatedMarginsAreTaken() throws Exception {
        ComboBox<WalletScope> scope = lookup("#wallet-scope").queryAs(ComboBox.class);
        TextField wallet = lookup("#wallet-balance").queryAs(TextField.class);
        assertEquals(WalletScope.CROSS, scope.getValue());
        assertEquals("Cross wallet", shown(scope), "the field says it is the cross wallet");
        assertFalse(lookup("#cross-wallet").query().isVisible());
        String liqBefore = text(positionsTable(), 0, "col-liquidationPrice");

        // keyboard: focus the choice, open it, pick "Total wallet"
        clickOn(scope);
        type(KeyCode.DOWN);
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WalletScope.TOTAL, vm.account().walletScopeProperty().get());
        assertEquals("Total wallet", shown(scope));
        assertEquals("30000", wallet.getText(), "the typed wallet is not changed");
        // the demo's sol-iso holds 150 × 142.5 / 5 + 500 = 4,775: the cross pool keeps 25,225
        assertEquals(25_225, ctx.getPortfolio().account().walletBalance(), 1e-9);
        assertTrue(lookup("#cross-wallet").query().isVisible());
        assertEquals("→ cross 25,225.00", ((AccountBar) lookup("#account").query()).crossWalletText());
        assertNotEquals(liqBefore, text(positionsTable(), 0, "col-liquidationPrice"),
                "the cross long's liquidation price follows the smaller cross wallet");

        String json = WorkspaceCodec.toJson(vm.toDocument());
        assertTrue(json.matches("(?s).*\"walletScope\"\\s*:\\s*\"TOTAL\".*"), json);

        fx(() -> vm.undo());
        assertEquals(WalletScope.CROSS, scope.getValue(), "one undoable edit");
        assertEquals(30_000, ctx.getPortfolio().account().walletBalance(), 1e-9);
        assertEquals(liqBefore, text(positionsTable(), 0, "col-liquidationPrice"));
        assertFalse(WorkspaceCodec.toJson(vm.toDocument()).contains("walletScope"),
                "the default is not written: every sample saves as before");
    }
}
