package com.perprisk.ui.tiles;

import com.perprisk.io.Samples;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The margin-ratio dial in the real main window with the demo workspace, headless. */
@Tag("ui")
class MarginGaugeWindowTest extends ApplicationTest {
    private MainView view;
    private ThemeManager theme;

    @Override
    public void start(Stage stage) throws Exception {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(Samples.demo(), null);
        theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setDialogs(null);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
    }

    private MarginGauge gauge() {
        return lookup("#tile-margin-ratio").queryAs(MarginGauge.class);
    }

    @Test
    void theTileShowsTheDemosMarginRatio() {
        WaitForAsyncUtils.waitForFxEvents();
        // the riskiest pool is the isolated SOL long on Hyperliquid: 150 SOL at mark 136.4, notional 20,460, max
        // leverage 20 so MMR 2.5%: MM 511.50; margin 150 × 142.5 / 5 = 4,275 + 500 extra, uPnL 150 × (136.4 − 142.5)
        // = −915: ratio 511.50 / 3,860 = 13.25% (the cross pool's is lower)
        double ratio = 511.50 / (4275 + 500 - 915);
        Label value = lookup("#tile-margin-ratio-value").queryAs(Label.class);
        assertEquals("13.3%", value.getText());
        assertTrue(value.isVisible() && value.getWidth() >= value.prefWidth(-1) - 0.5, "written whole");
        assertEquals("13.3%", ((TilesPane) view.tilesPanel()).valueText("tile-margin-ratio"));
        assertEquals(180 * (1 - ratio * 100 / 150), gauge().needleAngle(), 1e-6);
        assertEquals(MarginGauge.OK, gauge().barColour());
        assertEquals(MarginGauge.OK, value.getTextFill());
        assertTrue(gauge().getAccessibleHelp().startsWith("Margin ratio of the riskiest pool"),
                gauge().getAccessibleHelp());
        assertTrue(gauge().getAccessibleHelp().contains("13.3%"), gauge().getAccessibleHelp());
        assertEquals("Margin ratio 13.3%", gauge().getAccessibleText());
    }

    @Test
    void theDialFollowsTheThemeAndThePresentationSize() {
        WaitForAsyncUtils.waitForFxEvents();
        Label value = lookup("#tile-margin-ratio-value").queryAs(Label.class);
        double normal = value.getFont().getSize();
        assertEquals(Color.web("#24292f"), gauge().needleColour());
        interact(theme::toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("#c9d1d9"), gauge().needleColour(), "dark theme");
        interact(() -> view.setPresentation(true));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(value.getFont().getSize() > normal * 1.15, value.getFont().getSize() + " vs " + normal);
        assertTrue(value.getWidth() >= value.prefWidth(-1) - 0.5, "written whole at presentation size");
        assertTrue(gauge().getHeight() >= gauge().need() - 0.5, "the tile as tall as the dial needs");
        interact(theme::toggle);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Color.web("#24292f"), gauge().needleColour(), "light again");
    }
}
