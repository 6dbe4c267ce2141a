package com.perprisk.ui;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.TestDocs;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationTest;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tabs the main window builds only when first shown (start-up does not pay for them) are there the moment their
 * key is pressed: nothing of a tab exists before, its content is on screen after, and the key is the one its menu
 * item and the F1 help show.
 */
@Tag("ui")
class LazyTabsWindowTest extends ApplicationTest {
    private MainView view;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        WorkspaceViewModel vm = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        vm.load(TestDocs.twentyPositions(), null);
        ThemeManager theme = new ThemeManager(AppSettings.Theme.LIGHT);
        view = new MainView(vm, null, theme);
        view.setDialogs(null);
        stage.setScene(new Scene(view, 1280, 800));
        theme.attach(view);
        stage.show();
    }

    @ParameterizedTest(name = "{0} opens {1} with #{2}")
    @CsvSource({
            "EXPLAIN, explain-tab, explain-panel",
            "PLAYBACK, playback-tab, playback-panel",
            "COMPARE, compare-tab, compare-panel",
            "RECONCILE, reconcile-tab, reconcile-panel",
            "PROBABILITY, probability-tab, probability-panel",
            "MARKET_LAB, market-lab-tab, market-lab",
            "ORDER_TICKET, ticket-tab, ticket-panel"})
    void aLazilyBuiltTabOpensByItsShortcut(MainAction action, String tabId, String contentId) {
        Tab tab = tab(tabId);
        assertNull(tab.getContent(), tabId + " is built before it is shown");
        assertNull(stage.getScene().lookup("#" + contentId));

        clickOn("#positions-table");
        press(keys(action));
        release(keys(action));
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(tab.isSelected(), action + " did not select " + tabId);
        Node content = stage.getScene().lookup("#" + contentId);
        assertNotNull(content, action + " showed no #" + contentId);
        assertTrue(content.isVisible() && content.getScene() != null && content.getLayoutBounds().getWidth() > 100,
                "#" + contentId + " is not laid out on screen");
    }

    /** The keys of the action as the robot presses them: modifiers first, Ctrl for "shortcut" on Linux. */
    private static KeyCode[] keys(MainAction action) {
        List<KeyCode> keys = new ArrayList<>();
        for (String part : action.accelerator().split("\\+")) {
            keys.add(switch (part.toLowerCase(Locale.ROOT)) {
                case "shortcut" -> KeyCode.CONTROL;
                case "shift" -> KeyCode.SHIFT;
                default -> KeyCode.valueOf(part.toUpperCase(Locale.ROOT));
            });
        }
        return keys.toArray(KeyCode[]::new);
    }

    private Tab tab(String id) {
        for (Node n : stage.getScene().getRoot().lookupAll(".tab-pane")) {
            for (Tab t : ((TabPane) n).getTabs()) {
                if (id.equals(t.getId())) {
                    return t;
                }
            }
        }
        throw new AssertionError("no tab #" + id);
    }

    @org.junit.jupiter.api.Test
    void theTeachMenuShowsTheKeysOfItsActions() {
        clickOn("#menu-teach");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> keys = new ArrayList<>();
        for (var item : ((javafx.scene.control.MenuBar) stage.getScene().lookup("#menu-bar")).getMenus().get(3)
                .getItems()) {
            if (item.getAccelerator() != null) {
                keys.add(item.getText() + "=" + item.getAccelerator().getName());
            }
        }
        type(KeyCode.ESCAPE);
        assertEquals(List.of(
                MainAction.PLAYBACK.label() + "=" + javafx.scene.input.KeyCombination.keyCombination(
                        MainAction.PLAYBACK.accelerator()).getName(),
                MainAction.COMPARE.label() + "=" + javafx.scene.input.KeyCombination.keyCombination(
                        MainAction.COMPARE.accelerator()).getName(),
                MainAction.RECONCILE.label() + "=" + javafx.scene.input.KeyCombination.keyCombination(
                        MainAction.RECONCILE.accelerator()).getName(),
                MainAction.PROBABILITY.label() + "=" + javafx.scene.input.KeyCombination.keyCombination(
                        MainAction.PROBABILITY.accelerator()).getName(),
                MainAction.MARKET_LAB.label() + "=" + javafx.scene.input.KeyCombination.keyCombination(
                        MainAction.MARKET_LAB.accelerator()).getName()), keys);
    }
}
