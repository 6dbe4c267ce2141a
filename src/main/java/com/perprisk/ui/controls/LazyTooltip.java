package com.perprisk.ui.controls;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's fixed tooltip, made when the pointer first enters the control instead of with the window: a
 * {@link Tooltip} is a popup window with its own scene and stylesheet pass, and the first frame shows none. The
 * text is the control's accessible help from the start (what a screen reader reads). A problem tooltip that
 * {@link FieldDecorations} puts in place wins; once it goes, the fixed one is back on the next hover.
 */
public final class LazyTooltip {
    private LazyTooltip() {
    }

    public static void install(Control c, String text) {
        c.setAccessibleHelp(text);
        c.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (c.getTooltip() == null) {
                c.setTooltip(new Tooltip(text));
            }
        });
    }
}
