package com.perprisk.ui.lab;

import com.perprisk.engine.vamm.Vamm;
import com.perprisk.ui.controls.Forms;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The vAMM page: the curve quote × base = k with the trade drawn as the move along it, and the book comparison. */
final class VammPage extends VBox {
    private final LineChart<Number, Number> chart;

    VammPage(VammPageModel m) {
        NumberAxis x = new NumberAxis();
        x.setLabel("base reserve");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("quote reserve");
        y.setForceZeroInRange(false);
        chart = new LineChart<>(x, y);
        chart.setId("lab-vamm-chart");
        chart.setAnimated(false);
        chart.setPrefHeight(220);
        chart.setMinHeight(200);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        m.curveProperty().addListener((obs, o, n) -> draw(n));
        draw(m.curveProperty().get());
        ChoiceBox<Vamm.Kind> kind = new ChoiceBox<>();
        kind.setId("lab-vamm-kind");
        kind.getItems().setAll(Vamm.Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Vamm.Kind k) {
                return k == null ? "" : k.field();
            }

            @Override
            public Vamm.Kind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(m.kindProperty());
        Label onBook = MarketLabView.status(m.onBookProperty());
        onBook.setId("lab-vamm-onbook");
        getChildren().add(MarketLabView.pageBox(
                MarketLabView.figures(Forms.labelled("trade", kind),
                        Forms.labelled("amount", Forms.field("lab-vamm-amount", m.amountProperty(), 8,
                                "The amount of the trade, in quote or base as the trade says")),
                        MarketLabView.figure("Result", "lab-vamm-result", m.resultProperty()),
                        MarketLabView.figure("Average price", "lab-vamm-average", m.averageProperty()),
                        MarketLabView.figure("Price", "lab-vamm-move", m.priceMoveProperty()),
                        MarketLabView.figure("Fees", "lab-vamm-fees", m.feesProperty())),
                chart, onBook, MarketLabView.status(m.problemProperty()),
                MarketLabView.working("lab-vamm-working", m.workingProperty())));
    }

    private void draw(VammPageModel.Curve c) {
        chart.getData().clear();
        if (c == null) {
            return;
        }
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        curve.setName("x · y = k");
        for (double[] p : c.points()) {
            curve.getData().add(new XYChart.Data<>(p[0], p[1]));
        }
        XYChart.Series<Number, Number> trade = new XYChart.Series<>();
        trade.setName("the trade: along the curve");
        double k = c.baseBefore() * c.quoteBefore();
        for (int i = 0; i <= 24; i++) {
            double x = c.baseBefore() + (c.baseAfter() - c.baseBefore()) * i / 24.0;
            trade.getData().add(new XYChart.Data<>(x, k / x));
        }
        chart.getData().add(curve);
        chart.getData().add(trade);
        for (XYChart.Data<Number, Number> d : curve.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(false);
            }
        }
        for (int i = 1; i < trade.getData().size() - 1; i++) {
            if (trade.getData().get(i).getNode() != null) {
                trade.getData().get(i).getNode().setVisible(false);
            }
        }
    }
}
