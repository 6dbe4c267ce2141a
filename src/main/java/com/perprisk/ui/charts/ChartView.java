package com.perprisk.ui.charts;

import com.perprisk.ui.format.Formats;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;

/**
 * The node of one chart tab: a heading, the chart (and its companion beside it), or the reason there is nothing to
 * plot. Follows its {@link ChartViewModel}'s data.
 */
public final class ChartView extends BorderPane {
    private final ChartViewModel model;
    private final Formats fmt;
    private final Label heading = new Label();
    private final Label message = new Label();
    private final HBox charts = new HBox(4);
    private final List<Node> chartNodes = new ArrayList<>();
    private final ChartFooter footer = new ChartFooter();

    public ChartView(ChartViewModel model, Formats fmt) {
        this.model = model;
        this.fmt = fmt;
        getStyleClass().add("chart-view");
        heading.getStyleClass().add("chart-heading");
        heading.setMaxWidth(Double.MAX_VALUE);
        message.getStyleClass().add("chart-message");
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.setAlignment(Pos.CENTER);
        StackPane centre = new StackPane(charts, message);
        centre.setMinSize(0, 0);
        charts.setMinSize(0, 0);
        setTop(heading);
        setCenter(centre);
        setBottom(footer);
        footer.show(null);
        com.perprisk.ui.controls.AfterLayout.whenResized(this, this::fitToSize);
        setPadding(new Insets(2, 4, 0, 4));
        setMinSize(0, 0);
        model.dataProperty().addListener((o, a, d) -> show(d));
        if (model.getData() != null) {
            show(model.getData());
        } else {
            message.setText("Computing…");
        }
    }

    public ChartViewModel model() {
        return model;
    }

    /** The chart nodes on screen (one, or two with a companion). */
    public List<Node> charts() {
        return List.copyOf(chartNodes);
    }

    private void show(ChartData d) {
        if (d == null) {
            return;
        }
        heading.setText(d.title());
        if (d.message() != null) {
            message.setText(d.message());
            message.setVisible(true);
            charts.setVisible(false);
            footer.show(null);
            return;
        }
        message.setVisible(false);
        charts.setVisible(true);
        List<ChartData> parts = new ArrayList<>();
        parts.add(d);
        if (d.companion() != null) {
            parts.add(d.companion());
        }
        // reuse the chart nodes when the shape is the same: only the data changes
        boolean reuse = chartNodes.size() == parts.size();
        for (int i = 0; reuse && i < parts.size(); i++) {
            Node n = chartNodes.get(i);
            boolean bars = parts.get(i).categories() != null;
            Node chart = n instanceof VBox box ? box.getChildren().get(1) : null;
            reuse = bars ? chart instanceof BarChart : chart instanceof MarkedLineChart;
        }
        if (!reuse) {
            chartNodes.clear();
            for (ChartData part : parts) {
                chartNodes.add(part.categories() != null ? titled(newBarChart()) : titled(new MarkedLineChart(fmt)));
            }
            charts.getChildren().setAll(chartNodes);
        }
        for (int i = 0; i < parts.size(); i++) {
            VBox box = (VBox) chartNodes.get(i);
            Label sub = (Label) box.getChildren().get(0);
            ChartData part = parts.get(i);
            boolean multi = parts.size() > 1;
            String subText = !multi ? "" : i > 0 ? part.title() : String.join(" · ", part.series().stream()
                    .map(x -> x.name().contains(" (") ? x.name().substring(0, x.name().indexOf(" (")) : x.name())
                    .toList());
            if (part.message() != null && i > 0) {
                subText = part.title() + ": " + part.message();
            }
            sub.setText(subText);
            sub.setManaged(multi);
            sub.setVisible(multi);
            Node chart = box.getChildren().get(1);
            if (chart instanceof MarkedLineChart lc) {
                lc.setFooterOutside(!multi); // one chart: its axis label and legend share a row below it
                lc.show(part);
            } else {
                @SuppressWarnings("unchecked")
                BarChart<String, Number> bc = (BarChart<String, Number>) chart;
                showBars(bc, part);
            }
        }
        footer.show(parts.size() == 1 && d.categories() == null ? d : null);
    }

    /** The legend and the y axis's label where they have room (a small chart keeps its plot). */
    private void fitToSize() {
        footer.fit(getHeight());
        for (Node n : chartNodes) {
            if (n instanceof VBox box && box.getChildren().get(1) instanceof MarkedLineChart lc && lc.shown() != null
                    && lc.yAxis().getHeight() > 0 && lc.yAxis().lookup(".axis-label") instanceof Label l) {
                javafx.scene.text.Text t = new javafx.scene.text.Text(lc.shown().yLabel());
                t.setFont(l.getFont());
                // the label is laid along the axis less its end ticks' room: cut to "US…" though shorter than the axis
                boolean cut = l.getText() != null && l.getWidth() > 0 && l.getWidth() + 0.5 < l.prefWidth(-1);
                lc.showYLabel(!cut && t.getLayoutBounds().getWidth() + 24 <= lc.yAxis().getHeight());
            }
        }
    }

    /** The row below a single line chart: its x axis's label, then its legend entries (empty when hidden). */
    public List<String> footerTexts() {
        return footer.isVisible() ? footer.texts() : List.of();
    }

    private static VBox titled(Node chart) {
        Label sub = new Label();
        sub.getStyleClass().add("chart-subheading");
        VBox box = new VBox(sub, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMinSize(0, 0);
        box.setPrefWidth(100);
        box.setMaxWidth(Double.MAX_VALUE);
        if (chart instanceof javafx.scene.layout.Region r) {
            r.setMinSize(0, 0);
        }
        return box;
    }

    private BarChart<String, Number> newBarChart() {
        BarChart<String, Number> bc = new BarChart<>(new CategoryAxis(), new NumberAxis());
        bc.setAnimated(false);
        bc.setLegendVisible(true);
        bc.setBarGap(2);
        bc.setCategoryGap(14);
        bc.getStyleClass().add("carry-chart");
        ((NumberAxis) bc.getYAxis()).setMinorTickVisible(false);
        return bc;
    }

    private void showBars(BarChart<String, Number> bc, ChartData d) {
        bc.getXAxis().setLabel(d.xLabel());
        bc.getYAxis().setLabel(d.yLabel());
        NumberAxis y = (NumberAxis) bc.getYAxis();
        y.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                double v = n.doubleValue();
                return fmt.quantity(v, Math.abs(v) >= 10 ? 0 : Math.abs(v) >= 1 ? 1 : 3);
            }

            @Override
            public Number fromString(String s) {
                Double v = fmt.parse(s);
                return v == null ? 0 : v;
            }
        });
        ObservableList<XYChart.Series<String, Number>> list = FXCollections.observableArrayList();
        for (ChartData.Series s : d.series()) {
            XYChart.Series<String, Number> fx = new XYChart.Series<>();
            fx.setName(s.name());
            for (int i = 0; i < s.size(); i++) {
                double v = s.y()[i];
                String cat = d.categories().get((int) s.x()[i]);
                // a market without a future has no basis: a zero-height bar, "—" in its tooltip
                fx.getData().add(new XYChart.Data<>(cat, Double.isFinite(v) ? v : 0.0));
            }
            list.add(fx);
        }
        bc.setData(list);
        for (int si = 0; si < list.size(); si++) {
            ChartData.Series s = d.series().get(si);
            for (int i = 0; i < list.get(si).getData().size(); i++) {
                XYChart.Data<String, Number> pt = list.get(si).getData().get(i);
                double v = s.y()[i];
                String text = pt.getXValue() + "\n" + s.name() + ": " + (Double.isFinite(v)
                        ? fmt.number(v, 4) + "%" : Formats.NONE + " (no dated future)");
                if (pt.getNode() != null) {
                    Tooltip t = new Tooltip(text);
                    t.setShowDelay(Duration.millis(80));
                    Tooltip.install(pt.getNode(), t);
                }
            }
        }
    }
}
