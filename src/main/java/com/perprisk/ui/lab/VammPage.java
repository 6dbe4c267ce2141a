package com.perprisk.ui.lab;

import com.perprisk.engine.lab.BookWalk;
import com.perprisk.engine.vamm.Vamm;
import com.perprisk.ui.controls.Forms;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The vAMM page: the curve quote × base = k with the trade drawn as the move along it, and the book comparison. */
final class VammPage extends VBox {
    private final LineChart<Number, Number> chart;
    private final LineChart<Number, Number> bookChart;

    VammPage(VammPageModel m) {
        chart = LabCharts.readable(new LineChart<>(LabCharts.axis("base reserve", false),
                LabCharts.axis("quote reserve", false)), "lab-vamm-chart");
        m.curveProperty().addListener((obs, o, n) -> draw(n));
        draw(m.curveProperty().get());
        bookChart = LabCharts.readable(new LineChart<>(LabCharts.axis("quote filled", true),
                LabCharts.axis("price", false)), "lab-vamm-book-chart");
        bookChart.setTitle("On an order book");
        bookChart.setCreateSymbols(false);
        m.bookWalkProperty().addListener((obs, o, n) -> drawBook(n));
        drawBook(m.bookWalkProperty().get());
        chart.setTitle("On the vAMM");
        HBox charts = new HBox(8, chart, bookChart);
        HBox.setHgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(bookChart, Priority.ALWAYS);
        chart.setMinWidth(240);
        bookChart.setMinWidth(240);
        VBox.setVgrow(charts, Priority.ALWAYS);
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
                charts, onBook, MarketLabView.status(m.problemProperty()),
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

    /** The book's price level by level against the quote filled, and the average fill as a flat line. */
    private void drawBook(VammPageModel.OnBook ob) {
        bookChart.getData().clear();
        if (ob == null) {
            return;
        }
        BookWalk w = ob.walk();
        XYChart.Series<Number, Number> path = new XYChart.Series<>();
        path.setName(w.buy() ? "ask levels eaten" : "bid levels eaten");
        for (BookWalk.Step st : w.steps()) {
            path.getData().add(new XYChart.Data<>(st.quoteFrom(), st.price()));
            path.getData().add(new XYChart.Data<>(st.quoteTo(), st.price()));
        }
        XYChart.Series<Number, Number> avg = new XYChart.Series<>();
        avg.setName("average fill");
        avg.getData().add(new XYChart.Data<>(0, w.averagePrice()));
        avg.getData().add(new XYChart.Data<>(w.filledQuote(), w.averagePrice()));
        bookChart.getData().add(path);
        bookChart.getData().add(avg);
    }
}
