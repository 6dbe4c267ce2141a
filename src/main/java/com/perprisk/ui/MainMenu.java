package com.perprisk.ui;

import com.perprisk.io.Samples;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.settings.AppSettings;
import com.perprisk.ui.settings.ThemeManager;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The main window's menu bar: File, Edit, View, the teaching menu and Help, each item made from its
 * {@link MainAction} (label, key) and the command the window gives for it. The check items (dark theme,
 * presentation size), the recent files, the samples and the help dialogs are built here.
 */
final class MainMenu {
    private final Map<MainAction, Runnable> commands;
    private final WorkspaceViewModel vm;
    private final ThemeManager theme;
    private final AppSettings settings;
    private final DocumentActions actions;
    private final Node view;
    private final Consumer<Boolean> presentation;
    private final CheckMenuItem large = checkItem(MainAction.PRESENTATION);
    private final CheckMenuItem fill = checkItem(MainAction.RESULTS_FILL);
    private final BiConsumer<String, String> error;

    /**
     * @param commands what each plain item does (the check items, the shortcuts help and About are built in)
     * @param view         the window's content, whose window owns the dialogs
     * @param presentation switches presentation size on or off (View › Presentation size)
     * @param error        shows an error (header, message)
     */
    MainMenu(Map<MainAction, Runnable> commands, WorkspaceViewModel vm, ThemeManager theme, AppSettings settings,
             DocumentActions actions, Node view, Consumer<Boolean> presentation, BiConsumer<String, String> error) {
        this.commands = commands;
        this.vm = vm;
        this.theme = theme;
        this.settings = settings;
        this.actions = actions;
        this.view = view;
        this.presentation = presentation;
        this.error = error;
    }

    /** View › Presentation size, so that turning it on from elsewhere ticks it. */
    CheckMenuItem presentationItem() {
        return large;
    }

    /** View › Results fill the window, ticked while they do. */
    CheckMenuItem resultsFillItem() {
        return fill;
    }

    MenuBar build(Menu teaching) {
        MenuBar bar = new MenuBar(fileMenu(), editMenu(), viewMenu(), teaching, helpMenu());
        bar.setId("menu-bar");
        // while a document is being opened no menu starts another action or edits the document it replaces
        bar.disableProperty().bind(vm.files().openingProperty().isNotNull());
        return bar;
    }

    private Menu fileMenu() {
        Menu recent = new Menu("Open _Recent");
        recent.setId("menu-recent");
        recent.setOnShowing(e -> fillRecent(recent));
        recent.getItems().add(new MenuItem("(none)"));
        Menu samples = new Menu("Open _Sample");
        fillSamples(samples);
        Menu export = new Menu("_Export");
        export.setId("menu-export");
        MenuItem csv = item(MainAction.EXPORT_CSV);
        csv.setId("export-csv");
        MenuItem png = item(MainAction.EXPORT_PNG);
        png.setId("export-png");
        export.getItems().addAll(csv, png);
        Menu file = new Menu("_File");
        file.getItems().addAll(item(MainAction.NEW), item(MainAction.OPEN), recent, samples, new SeparatorMenuItem(),
                item(MainAction.SAVE), item(MainAction.SAVE_AS), new SeparatorMenuItem(), export,
                new SeparatorMenuItem(), item(MainAction.EXIT));
        return file;
    }

    private Menu editMenu() {
        MenuItem undo = item(MainAction.UNDO);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        MenuItem redo = item(MainAction.REDO);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Menu edit = new Menu("_Edit");
        edit.getItems().addAll(undo, redo, new SeparatorMenuItem(), item(MainAction.ADD_POSITION),
                item(MainAction.DUPLICATE_POSITION), item(MainAction.REMOVE_POSITION), new SeparatorMenuItem(),
                item(MainAction.ADD_MARKET));
        return edit;
    }

    private Menu viewMenu() {
        CheckMenuItem dark = checkItem(MainAction.DARK_THEME);
        dark.setId("menu-dark-theme");
        dark.setSelected(theme.themeProperty().get() == AppSettings.Theme.DARK);
        dark.setOnAction(e -> theme.themeProperty().set(dark.isSelected() ? AppSettings.Theme.DARK
                : AppSettings.Theme.LIGHT));
        theme.themeProperty().addListener((obs, o, n) -> dark.setSelected(n == AppSettings.Theme.DARK));
        large.setId("menu-presentation");
        large.setOnAction(e -> presentation.accept(large.isSelected()));
        fill.setId("menu-results-fill");
        fill.setOnAction(e -> commands.get(MainAction.RESULTS_FILL).run());
        Menu menu = new Menu("_View");
        menu.getItems().addAll(dark, large, fill, new SeparatorMenuItem(), item(MainAction.GO_POSITIONS),
                item(MainAction.GO_MARKETS), item(MainAction.GO_TIERS), item(MainAction.GO_WALLET),
                item(MainAction.ORDER_TICKET), new SeparatorMenuItem(), item(MainAction.CHARTS), item(MainAction.EXPLAIN));
        return menu;
    }

    private Menu helpMenu() {
        Menu help = new Menu("_Help");
        help.getItems().addAll(item(MainAction.SHORTCUTS, this::showShortcuts), item(MainAction.ABOUT, this::about));
        return help;
    }

    private MenuItem item(MainAction action) {
        return item(action, commands.get(action));
    }

    /** A menu item with the action's label and key, running the command. */
    static MenuItem item(MainAction action, Runnable command) {
        MenuItem i = new MenuItem(action.label());
        if (action.accelerator() != null) {
            i.setAccelerator(KeyCombination.keyCombination(action.accelerator()));
        }
        if (command != null) {
            i.setOnAction(e -> command.run());
        }
        return i;
    }

    private static CheckMenuItem checkItem(MainAction action) {
        CheckMenuItem i = new CheckMenuItem(action.label());
        i.setAccelerator(KeyCombination.keyCombination(action.accelerator()));
        return i;
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }

    private void showShortcuts() {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setHeaderText("Keyboard shortcuts");
        a.setContentText(MainAction.shortcutsHelp());
        a.initOwner(window());
        a.show();
    }

    private void about() {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "Risk calculator for perpetual futures: margin, "
                + "liquidation, funding, ADL and basis, with every number explained.");
        a.setHeaderText("PerpRisk " + com.perprisk.Version.current());
        a.initOwner(window());
        a.show();
    }

    private void fillRecent(Menu recent) {
        recent.getItems().clear();
        List<Path> files = settings == null ? List.of() : settings.recentFiles();
        for (Path p : files) {
            MenuItem i = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            i.setMnemonicParsing(false);
            i.setOnAction(e -> {
                if (actions.confirmDiscard()) {
                    actions.openFile(p);
                }
            });
            recent.getItems().add(i);
        }
        if (files.isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recent.getItems().add(none);
        }
    }

    private void fillSamples(Menu menu) {
        try {
            for (Samples.Sample s : Samples.list()) {
                MenuItem i = new MenuItem(s.title());
                i.setMnemonicParsing(false);
                i.setOnAction(e -> {
                    if (actions.confirmDiscard()) {
                        try {
                            vm.load(Samples.open(s.name()), null);
                        } catch (WorkspaceException ex) {
                            error.accept("Cannot open the sample", ex.getMessage());
                        }
                    }
                });
                menu.getItems().add(i);
            }
        } catch (WorkspaceException | RuntimeException e) {
            MenuItem none = new MenuItem("(no samples)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }
}
