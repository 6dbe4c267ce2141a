package com.perprisk.ui;

import com.perprisk.io.Samples;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A window left alone does no work: once the demo is shown and nothing changes, JavaFX runs no pulses (no animation
 * keeps its timer going; the live data's clock that moves the data's age on is a plain scheduled task). A running
 * Timeline made the idle window lay out 60 times a second.
 */
@Tag("ui")
class IdleWindowTest extends ApplicationTest {
    private Scene scene;

    @Override
    public void start(Stage stage) throws Exception {
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(Samples.demo(), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        MainView view = new MainView(vm, null, theme);
        view.setDialogs(null);
        scene = new Scene(view, 1280, 800);
        stage.setScene(scene);
        theme.attach(view);
        stage.show();
        view.focusStart();
    }

    @Test
    void theIdleWindowRunsNoPulses() throws Exception {
        AtomicInteger pulses = new AtomicInteger();
        Runnable count = pulses::incrementAndGet;
        interact(() -> scene.addPostLayoutPulseListener(count));
        // the layouts that follow the first frame (column fitting, shedding) settle: a quiet 300 ms, within 10 s
        int quietAfter = -1;
        for (int i = 0; i < 33 && quietAfter < 0; i++) {
            pulses.set(0);
            TimeUnit.MILLISECONDS.sleep(300);
            if (pulses.get() == 0) {
                quietAfter = i;
            }
        }
        pulses.set(0);
        TimeUnit.MILLISECONDS.sleep(1_000);
        interact(() -> scene.removePostLayoutPulseListener(count));
        assertTrue(quietAfter >= 0, "the window never went quiet for 300 ms in 10 s");
        assertTrue(pulses.get() <= 1, pulses.get() + " pulses in a second of doing nothing");
    }
}
