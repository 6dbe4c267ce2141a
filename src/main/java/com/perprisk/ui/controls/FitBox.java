package com.perprisk.ui.controls;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/**
 * Shows a node whole, scaled down when the room is narrower than it (a tile's value at a small window or at
 * presentation size): the value shrinks instead of being cut to "20,56…". Never scales up.
 */
public final class FitBox extends StackPane {
    private final Group group;
    private final Node content;

    public FitBox(Node content) {
        this.content = content;
        this.group = new Group(content);
        getChildren().add(group);
        setMinWidth(0);
        getStyleClass().add("fit-box");
    }

    public Node content() {
        return content;
    }

    /** The scale applied now (1 = whole at its own size). */
    public double scale() {
        return group.getScaleX();
    }

    @Override
    protected double computeMinWidth(double height) {
        return 0;
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        double need = content.prefWidth(-1);
        double room = getWidth() - snappedLeftInset() - snappedRightInset();
        double s = need > room && need > 0 && room > 0 ? room / need : 1;
        if (group.getScaleX() != s) {
            group.setScaleX(s);
            group.setScaleY(s);
        }
    }
}
