package com.perprisk.ui.controls;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A control's tooltip text, for table cells that update often: the {@link Tooltip} (a popup window, costly to make)
 * is created the first time there is a text to show and then reused, its text set only when it changes, so an
 * update of a table makes no tooltips. Made {@link #onHover}, it waits for the pointer to enter the cell, the text
 * being the cell's accessible help until then.
 */
public final class CellTooltip {
    private final Control owner;
    private final Consumer<Tooltip> style;
    private final boolean onHover;
    private Tooltip tip;
    /** On hover: the text to show, null for none. */
    private String text;

    /** @param style applied once to the tooltip when it is created (wrapping, width), or null */
    public CellTooltip(Control owner, Consumer<Tooltip> style) {
        this(owner, style, false);
    }

    private CellTooltip(Control owner, Consumer<Tooltip> style, boolean onHover) {
        this.owner = owner;
        this.style = style;
        this.onHover = onHover;
        if (onHover) {
            owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                if (tip == null && text != null) {
                    put(text);
                }
            });
        }
    }

    /**
     * A cell's tooltip made when the pointer first enters the cell: none of a table's cells needs one in the first
     * frame (a popup window each). Its text is the cell's accessible help meanwhile.
     */
    public static CellTooltip onHover(Control owner, Consumer<Tooltip> style) {
        return new CellTooltip(owner, style, true);
    }

    /** Shows {@code text} as the owner's tooltip; null or empty removes it. */
    public void show(String text) {
        if (onHover) {
            this.text = text == null || text.isEmpty() ? null : text;
            if (!Objects.equals(owner.getAccessibleHelp(), this.text)) {
                owner.setAccessibleHelp(this.text);
            }
            if (tip == null) {
                return;
            }
        }
        put(text);
    }

    private void put(String text) {
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
