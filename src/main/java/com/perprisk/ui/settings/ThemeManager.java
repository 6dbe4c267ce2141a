package com.perprisk.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;

import java.util.List;
import java.util.Objects;

/**
 * Applies the AtlantaFX theme (Primer light or dark) as the user-agent stylesheet and PerpRisk's own stylesheet on
 * top; marks the root with "theme-light" / "theme-dark" for the app's colours.
 */
public final class ThemeManager {
    /** PerpRisk's stylesheet: layout, numbers, PnL colours and the colours ControlsFX expects. */
    public static final String APP_CSS = css("/com/perprisk/ui/perprisk.css");

    /**
     * Every stylesheet of the main window, in cascade order: the app's, then the result panels' (tiles, charts,
     * explain, scenario bar) and the live data's. They go on the scene, not on the panels: JavaFX keeps one cache of
     * matched selectors per distinct set of parent stylesheets, so a panel with a stylesheet of its own matched every
     * node kind inside it against the whole AtlantaFX theme a second time at start-up (164 of 474 matches).
     */
    public static final List<String> WINDOW_CSS = List.of(APP_CSS, css("/com/perprisk/ui/display/panels.css"),
            css("/com/perprisk/ui/live/live.css"));

    private final ObjectProperty<AppSettings.Theme> theme = new SimpleObjectProperty<>(this, "theme",
            AppSettings.Theme.LIGHT);
    private Parent root;

    /**
     * Sets the theme's user-agent stylesheet at once: made before the first control exists, it spares JavaFX
     * parsing its default (Modena) stylesheet at start-up only to replace it.
     */
    public ThemeManager(AppSettings.Theme initial) {
        theme.set(initial);
        theme.addListener((obs, o, n) -> apply());
        apply();
    }

    public ObjectProperty<AppSettings.Theme> themeProperty() {
        return theme;
    }

    /**
     * Styles a window's content (and every later theme change). The stylesheet goes on the scene, not the node:
     * ControlsFX decorations wrap the scene root, and their graphics live outside the content.
     */
    public void attach(Parent root) {
        this.root = root;
        if (root.getScene() != null) {
            addTo(root.getScene());
        }
        root.sceneProperty().addListener((obs, o, scene) -> {
            if (scene != null) {
                addTo(scene);
            }
        });
        apply();
    }

    private static void addTo(javafx.scene.Scene scene) {
        for (String css : WINDOW_CSS) {
            if (!scene.getStylesheets().contains(css)) {
                scene.getStylesheets().add(css);
            }
        }
    }

    private static String css(String resource) {
        return Objects.requireNonNull(ThemeManager.class.getResource(resource), resource).toExternalForm();
    }

    private void apply() {
        boolean dark = theme.get() == AppSettings.Theme.DARK;
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
        if (root != null) {
            root.getStyleClass().removeAll("theme-light", "theme-dark");
            root.getStyleClass().add(dark ? "theme-dark" : "theme-light");
        }
    }

    public void toggle() {
        theme.set(theme.get() == AppSettings.Theme.DARK ? AppSettings.Theme.LIGHT : AppSettings.Theme.DARK);
    }
}
