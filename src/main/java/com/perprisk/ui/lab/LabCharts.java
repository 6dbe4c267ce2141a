package com.perprisk.ui.lab;

import javafx.beans.property.StringProperty;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.TableColumn;
import javafx.scene.control.cell.TextFieldTableCell;

import java.util.function.Function;

/** What the lab pages' charts and tables share: a chart that stays readable, an axis, an editable text column. */
final class LabCharts {
    /**
     * Height below which a lab chart's axes, ticks and labels stop reading at a projector; a page that has less room
     * scrolls instead of squeezing its chart.
     */
    static final double MIN_HEIGHT = 240;

    private LabCharts() {
    }

    /** A number axis with its label; {@code fromZero} keeps 0 in range (depth, samples, rounds). */
    static NumberAxis axis(String label, boolean fromZero) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(fromZero);
        return a;
    }

    /** The chart with its id, no animation, at least {@link #MIN_HEIGHT} high and growing with the page. */
    static <C extends XYChart<?, ?>> C readable(C chart, String id) {
        chart.setId(id);
        chart.setAnimated(false);
        chart.setMinHeight(MIN_HEIGHT);
        chart.setPrefHeight(300);
        chart.setMaxHeight(Double.MAX_VALUE);
        return chart;
    }

    /** A text column whose cells edit the row's property. */
    static <R> TableColumn<R, String> editable(String name, String id, double width, Function<R, StringProperty> p) {
        TableColumn<R, String> c = new TableColumn<>(name);
        c.setId(id);
        c.setPrefWidth(width);
        c.setCellValueFactory(cd -> p.apply(cd.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> p.apply(e.getRowValue()).set(e.getNewValue()));
        return c;
    }
}
