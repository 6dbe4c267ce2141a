package com.perprisk.ui.display;

import java.util.Objects;

/**
 * The result panels' own stylesheet (tiles, charts, explain, scenario bar), added to each panel so that the main
 * window's stylesheet stays untouched. Colours are the AtlantaFX theme's looked-up colours, so light and dark follow.
 */
public final class PanelStyles {
    public static final String CSS = Objects.requireNonNull(
            PanelStyles.class.getResource("/com/perprisk/ui/display/panels.css")).toExternalForm();

    private PanelStyles() {
    }
}
