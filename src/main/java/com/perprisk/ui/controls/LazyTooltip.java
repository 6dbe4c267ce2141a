package com.perprisk.ui.controls;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Consumer;

/**
 * A node's tooltip, made when the pointer first enters the node instead of with the window: a {@link Tooltip} is a
 * popup window with its own scene and stylesheet pass, and the first frame shows none. The text is the node's
 * accessible help from the start (what a screen reader reads). On a control, a problem tooltip that
 * {@link FieldDecorations} puts in place wins; once it goes, the fixed one is back on the next hover.
 */
public final class LazyTooltip {
    /** Node property: the tooltip {@link #text} made. */
    private static final Object KEY = LazyTooltip.class;
    /** Node property: the handler that makes it on the first hover is in place. */
    private static final String HOOKED = "perprisk.lazyTooltipHooked";

    private LazyTooltip() {
    }

    /** A control's fixed tooltip. */
    public static void install(Control c, String text) {
        c.setAccessibleHelp(text);
        c.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (c.getTooltip() == null) {
                c.setTooltip(new Tooltip(c.getAccessibleHelp()));
            }
        });
    }

    /**
     * Sets the tooltip text of any node (a pane, a tile), made on the first hover; later calls change the text of
     * the tooltip once it exists. {@code style} is applied once when it is made (wrapping, width), or null.
     */
    public static void text(Node n, String text, Consumer<Tooltip> style) {
        if (text.equals(n.getAccessibleHelp())) {
            return;
        }
        n.setAccessibleHelp(text);
        if (n.getProperties().get(KEY) instanceof Tooltip tip) {
            tip.setText(text);
            return;
        }
        if (n.getProperties().putIfAbsent(HOOKED, Boolean.TRUE) != null) {
            return;
        }
        n.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
            if (!n.getProperties().containsKey(KEY)) {
                Tooltip tip = new Tooltip(n.getAccessibleHelp());
                if (style != null) {
                    style.accept(tip);
                }
                n.getProperties().put(KEY, tip);
                Tooltip.install(n, tip);
            }
        });
    }

    /** The tooltip {@link #text} made on the first hover, or null before it. */
    public static Tooltip made(Node n) {
        return n.getProperties().get(KEY) instanceof Tooltip t ? t : null;
    }
}
