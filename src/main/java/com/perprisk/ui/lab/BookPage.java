package com.perprisk.ui.lab;

import com.perprisk.ui.controls.Forms;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;

/** The order-book page: the depth chart with the impact notional's fill shaded and the impact bid and ask marked. */
final class BookPage extends VBox {
    private final AreaChart<Number, Number> chart;

    BookPage(BookPageModel m) {
        chart = LabCharts.readable(new AreaChart<>(LabCharts.axis("price", false),
                LabCharts.axis("quote depth", true)), "lab-depth-chart");
        chart.setCreateSymbols(false);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        chart.setLegendVisible(true);
        m.depthProperty().addListener((obs, o, n) -> draw(n));
        draw(m.depthProperty().get());
        HBox levels = new HBox(8, side(m, true), side(m, false));
        getChildren().add(MarketLabView.pageBox(
                MarketLabView.figures(
                        Forms.labelled("impact notional", Forms.field("lab-impact-notional",
                                m.impactNotionalProperty(), 9, "Quote notional of the impact order")),
                        MarketLabView.figure("Impact bid", "lab-impact-bid", m.impactBidProperty()),
                        MarketLabView.figure("Impact ask", "lab-impact-ask", m.impactAskProperty()),
                        MarketLabView.figure("Impact mid", "lab-impact-mid", m.impactMidProperty())),
                levels, MarketLabView.status(m.problemProperty()), chart,
                MarketLabView.working("lab-book-working", m.workingProperty())));
    }

    /** One side's levels: an editable price and size table with add and remove. */
    private static VBox side(BookPageModel m, boolean bid) {
        String name = bid ? "bid" : "ask";
        TableView<BookPageModel.LevelRow> table = new TableView<>(bid ? m.bids() : m.asks());
        table.setId("lab-book-" + name + "s");
        table.setEditable(true);
        table.setPrefHeight(175);
        table.setMinHeight(100);
        table.setPrefWidth(230);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(LabCharts.editable(bid ? "Bid price" : "Ask price", "col-price", 110,
                BookPageModel.LevelRow::priceProperty));
        table.getColumns().add(LabCharts.editable("Size (base)", "col-size", 100, BookPageModel.LevelRow::sizeProperty));
        Button add = new Button(bid ? "Add bid" : "Add ask");
        add.setId("lab-book-add-" + name);
        add.setOnAction(e -> table.getSelectionModel().select(m.addLevel(bid, "", "")));
        Button remove = new Button("Remove");
        remove.setId("lab-book-remove-" + name);
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> m.removeLevel(table.getSelectionModel().getSelectedItem()));
        HBox.setHgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, table, new HBox(6, add, remove));
        HBox.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    private void draw(BookPageModel.Depth d) {
        chart.getData().clear();
        if (d == null) {
            return;
        }
        double eps = d.bids().isEmpty() ? 1e-9 : d.bids().get(0).price() * 1e-9;
        double lo = d.bids().isEmpty() ? d.impactBid() : d.bids().get(d.bids().size() - 1).price();
        double hi = d.asks().isEmpty() ? d.impactAsk() : d.asks().get(d.asks().size() - 1).price();
        double width = Math.max(eps, (hi - lo) * 0.002);
        chart.getData().add(steps("bids", d.bids(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, eps));
        chart.getData().add(steps("asks", d.asks(), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, eps));
        chart.getData().add(steps("impact notional sold", clip(d.bids(), d.impactNotional()), d.lastBidFilled(),
                Double.POSITIVE_INFINITY, eps));
        chart.getData().add(steps("impact notional bought", clip(d.asks(), d.impactNotional()),
                Double.NEGATIVE_INFINITY, d.lastAskFilled(), eps));
        chart.getData().add(line("impact bid", d.impactBid(), d.impactNotional(), width));
        chart.getData().add(line("impact ask", d.impactAsk(), d.impactNotional(), width));
    }

    /** Depth capped at the impact notional (the part of each level the impact order takes). */
    private static java.util.List<BookPageModel.DepthPoint> clip(java.util.List<BookPageModel.DepthPoint> side,
                                                                double cap) {
        return side.stream().map(p -> new BookPageModel.DepthPoint(p.price(), Math.min(p.cumulativeQuote(), cap)))
                .toList();
    }

    /**
     * A side's depth as a step curve in ascending price: the quote resting from the best price out to each level,
     * flat between levels and falling to 0 at the best price. Only levels within [from, to] are drawn.
     */
    private static XYChart.Series<Number, Number> steps(String name, java.util.List<BookPageModel.DepthPoint> side,
                                                        double from, double to, double eps) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        java.util.List<BookPageModel.DepthPoint> kept = side.stream()
                .filter(p -> p.price() >= from && p.price() <= to).toList();
        if (kept.isEmpty()) {
            return s;
        }
        boolean bids = side.size() < 2 || side.get(0).price() > side.get(1).price();
        java.util.List<BookPageModel.DepthPoint> asc = new java.util.ArrayList<>(kept);
        asc.sort(java.util.Comparator.comparingDouble(BookPageModel.DepthPoint::price));
        if (bids) {
            // from the deepest bid up to the best: depth falls at each level, to 0 just above the best bid
            for (int i = 0; i < asc.size(); i++) {
                BookPageModel.DepthPoint p = asc.get(i);
                s.getData().add(new XYChart.Data<>(p.price(), p.cumulativeQuote()));
                double next = i + 1 < asc.size() ? asc.get(i + 1).price() : p.price() + eps * 2;
                s.getData().add(new XYChart.Data<>(next - eps, p.cumulativeQuote()));
            }
            s.getData().add(new XYChart.Data<>(asc.get(asc.size() - 1).price(), 0));
        } else {
            s.getData().add(new XYChart.Data<>(asc.get(0).price() - eps, 0));
            for (int i = 0; i < asc.size(); i++) {
                BookPageModel.DepthPoint p = asc.get(i);
                s.getData().add(new XYChart.Data<>(p.price(), p.cumulativeQuote()));
                double next = i + 1 < asc.size() ? asc.get(i + 1).price() - eps : p.price() + eps;
                s.getData().add(new XYChart.Data<>(next, p.cumulativeQuote()));
            }
        }
        return s;
    }

    /** A vertical line at a price, as a sliver of area. */
    private static XYChart.Series<Number, Number> line(String name, double price, double height, double eps) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().add(new XYChart.Data<>(price - eps, height * 1.15));
        s.getData().add(new XYChart.Data<>(price + eps, height * 1.15));
        return s;
    }
}
