package com.perprisk.ui.ticket;

import com.perprisk.io.Samples;
import com.perprisk.ui.MainView;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.support.Snapshots;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Scene;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order ticket in the real main window, driven from the keyboard (Monocle headless). */
class TicketWindowTest extends ApplicationTest {
    private WorkspaceViewModel vm;
    private MainView view;

    @Override
    public void start(Stage stage) throws Exception {
        RiskContext ctx = new RiskContext();
        vm = new WorkspaceViewModel(ctx, new Formats(Locale.US));
        vm.load(Samples.demo(), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
        view.focusStart();
    }

    @Test
    void screenshot() {
        push(KeyCode.SHORTCUT, KeyCode.T);
        WaitForAsyncUtils.waitForFxEvents();
        write("0.25");
        clickOn("#ticket-exit");
        write("95000");
        clickOn("#ticket-target-roe");
        write("50");
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Snapshots.save(view.getScene(), "ticket"));
        interact(() -> view.getStyleClass().add("presentation"));
        WaitForAsyncUtils.waitForFxEvents();
        interact(() -> Snapshots.save(view.getScene(), "ticket-presentation"));
        interact(() -> {
            var t = view.ticket().view().figuresTable();
            System.out.println("DEBUG table min " + t.getMinWidth() + " width " + t.getWidth() + " parent min "
                    + ((javafx.scene.layout.Region) t.getParent()).minWidth(-1) + " parent w " + ((javafx.scene.layout.Region) t.getParent()).getWidth());
            t.getVisibleLeafColumns().forEach(c -> System.out.println("DEBUG col " + c.getText() + " min " + c.getMinWidth() + " w " + c.getWidth()));
        });
        assertTrue(view.ticket().isShown());
        assertEquals("0.25", ((TextField) lookup("#ticket-amount").query()).getText());
    }
}
