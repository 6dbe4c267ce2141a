package com.perprisk.ui.lab;

import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.List;

/**
 * The funding page: the premium samples over the interval with the clamp band (inside it the rate is the interest;
 * for dYdX the band is the clamp itself) and the rate, and the funding index accruing hour by hour.
 */
final class FundingPage extends VBox {
    private final LineChart<Number, Number> samples;
    private final LineChart<Number, Number> index;

    FundingPage(FundingPageModel m) {
        samples = chart("sample", "premium %", "lab-funding-samples");
        index = chart("hours", "index Δ", "lab-funding-index");
        m.chartProperty().addListener((obs, o, n) -> draw(n));
        draw(m.chartProperty().get());
        HBox charts = new HBox(8, sampleTable(m), samples, index);
        VBox.setVgrow(charts, Priority.ALWAYS);
        HBox.setHgrow(samples, Priority.ALWAYS);
        HBox.setHgrow(index, Priority.ALWAYS);
        getChildren().add(MarketLabView.pageBox(
                MarketLabView.figures(
                        MarketLabView.figure("Premium index", "lab-funding-premium", m.premiumProperty()),
                        MarketLabView.figure("Funding rate", "lab-funding-rate", m.rateProperty()),
                        MarketLabView.figure("Per hour", "lab-funding-hourly", m.perHourProperty()),
                        MarketLabView.figure("APR", "lab-funding-apr", m.aprProperty()),
                        MarketLabView.figure("Clamp / cap", "lab-funding-bound", m.boundProperty())),
                charts, MarketLabView.status(m.problemProperty()),
                MarketLabView.working("lab-funding-working", m.workingProperty())));
    }

    /** The premium samples as an editable table, with add and remove and where they come from while empty. */
    private static VBox sampleTable(FundingPageModel m) {
        TableView<FundingPageModel.SampleRow> table = new TableView<>(m.sampleRows());
        table.setId("lab-funding-sample-table");
        table.setEditable(true);
        table.setPrefWidth(130);
        table.setMinWidth(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(LabCharts.editable("Premium %", "col-premium", 110,
                FundingPageModel.SampleRow::percentProperty));
        Label empty = new Label();
        empty.setWrapText(true);
        empty.textProperty().bind(m.sampleSourceProperty());
        table.setPlaceholder(empty);
        Button add = new Button("Add");
        add.setId("lab-funding-add-sample");
        add.setOnAction(e -> table.getSelectionModel().select(m.addSample("0")));
        Button remove = new Button("Remove");
        remove.setId("lab-funding-remove-sample");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> m.removeSample(table.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(table, Priority.ALWAYS);
        return new VBox(4, table, new HBox(4, add, remove));
    }

    private static LineChart<Number, Number> chart(String xLabel, String yLabel, String id) {
        LineChart<Number, Number> c = LabCharts.readable(new LineChart<>(LabCharts.axis(xLabel, true),
                LabCharts.axis(yLabel, false)), id);
        c.setMinWidth(200);
        return c;
    }

    private void draw(FundingPageModel.Chart c) {
        samples.getData().clear();
        index.getData().clear();
        if (c == null) {
            return;
        }
        List<Double> s = c.samples();
        int n = Math.max(1, s.size());
        samples.getData().add(series("samples", s, 1));
        samples.getData().add(flat("band low", c.bandLow(), n));
        samples.getData().add(flat("band high", c.bandHigh(), n));
        samples.getData().add(flat("rate", c.rate(), n));
        XYChart.Series<Number, Number> idx = new XYChart.Series<>();
        idx.setName("funding index");
        for (double[] p : c.fundingIndex()) {
            idx.getData().add(new XYChart.Data<>(p[0], p[1]));
        }
        index.getData().add(idx);
        index.setCreateSymbols(false);
    }

    private static XYChart.Series<Number, Number> series(String name, List<Double> values, int start) {
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName(name);
        for (int i = 0; i < values.size(); i++) {
            out.getData().add(new XYChart.Data<>(start + i, values.get(i) * 100));
        }
        return out;
    }

    private static XYChart.Series<Number, Number> flat(String name, double value, int n) {
        XYChart.Series<Number, Number> out = new XYChart.Series<>();
        out.setName(name);
        out.getData().add(new XYChart.Data<>(1, value * 100));
        out.getData().add(new XYChart.Data<>(n, value * 100));
        return out;
    }
}
