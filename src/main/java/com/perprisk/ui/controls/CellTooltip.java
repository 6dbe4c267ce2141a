package com.perprisk.ui.controls;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;

import java.util.function.Consumer;

/**
 * A control's tooltip text, for table cells that update often: the {@link Tooltip} (a popup window, costly to make)
 * is created the first time there is a text to show and then reused, its text set only when it changes, so an
 * update of a table makes no tooltips.
 */
public final class CellTooltip {
    private final Control owner;
    private final Consumer<Tooltip> style;
    private Tooltip tip;

    /** @param style applied once to the tooltip when it is created (wrapping, width), or null */
    public CellTooltip(Control owner, Consumer<Tooltip> style) {
        this.owner = owner;
        this.style = style;
    }

    /** Shows {@code text} as the owner's tooltip; null or empty removes it. */
    public void show(String text) {
        if (text == null || text.isEmpty()) {
            if (owner.getTooltip() != null) {
                owner.setTooltip(null);
            }
            return;
        }
        if (tip == null) {
            tip = new Tooltip();
            if (style != null) {
                style.accept(tip);
            }
        }
        if (!text.equals(tip.getText())) {
            tip.setText(text);
        }
        if (owner.getTooltip() != tip) {
            owner.setTooltip(tip);
        }
    }
}
