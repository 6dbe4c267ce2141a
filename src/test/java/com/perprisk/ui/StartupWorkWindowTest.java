package com.perprisk.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: work the first frame does not show is not done at start-up. The theme's stylesheet is in place before
 * the first control exists (JavaFX then never parses its default one), and the fixed tooltips of the account bar and
 * the live-data bar (each a popup window with its own scene) are made on the first hover, with their text as the
 * controls' accessible help meanwhile.
 */
@Tag("ui")
class StartupWorkWindowTest extends ApplicationTest {
    private static final List<String> LAZY_TIPS = List.of("#wallet-balance", "#wallet-scope", "#mode-one-way",
            "#mode-hedge", "#horizon-hours", "#live-refresh", "#live-refresh-all", "#live-cancel",
            "#live-import-toggle");
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.twentyPositions(), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        MainView view = new MainView(vm, null, theme);
        view.setDialogs(null);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
    }

    @Test
    void theThemesStylesheetIsSetWhenTheThemeIsMadeBeforeAnyControl() {
        interact(() -> {
            Application.setUserAgentStylesheet(Application.STYLESHEET_MODENA);
            new ThemeManager(AppSettings.Theme.DARK);
            assertEquals(new PrimerDark().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
            new ThemeManager(AppSettings.Theme.LIGHT);
            assertEquals(new PrimerLight().getUserAgentStylesheetBSS(), Application.getUserAgentStylesheet());
        });
    }

    @Test
    void fixedTooltipsAreMadeOnTheFirstHover() {
        for (String id : LAZY_TIPS) {
            Control c = lookup(id).queryAs(Control.class);
            assertNull(c.getTooltip(), id + " has a tooltip before the pointer came");
            assertTrue(c.getAccessibleHelp() != null && !c.getAccessibleHelp().isBlank(), id + " has no help text");
        }
        Control wallet = lookup("#wallet-balance").queryAs(Control.class);
        moveTo(wallet);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(wallet.getTooltip(), "hovering the wallet made no tooltip");
        assertEquals(wallet.getAccessibleHelp(), wallet.getTooltip().getText());
        assertTrue(wallet.getTooltip().getText().startsWith("Wallet balance"), wallet.getTooltip().getText());
        assertNull(lookup("#horizon-hours").queryAs(Control.class).getTooltip(), "only the hovered control's");
    }
}
