package com.perprisk.ui.controls;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.util.function.Function;

/** Small building blocks of the teaching forms: a labelled field, a text field bound to a property, a text column. */
public final class Forms {
    private Forms() {
    }

    /** A label and its field on one line; the label is the field's mnemonic target. */
    public static HBox labelled(String text, Node n) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setLabelFor(n);
        HBox b = new HBox(4, l, n);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    /** A text field bound both ways to a view-model property, with a tooltip saying what it takes. */
    public static TextField field(String id, StringProperty p, int columns, String tip) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(p);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    /** A read-only, unsortable text column showing one property of a row. */
    public static <R> TableColumn<R, String> column(String name, String id, double width, Function<R, String> f) {
        TableColumn<R, String> c = new TableColumn<>(name);
        if (id != null) {
            c.setId(id);
        }
        c.setPrefWidth(width);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }
}
