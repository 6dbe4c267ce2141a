package com.perprisk.ui.lab;

import com.perprisk.ui.controls.Forms;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.VBox;

/** The order-book page: the depth chart with the impact notional's fill shaded and the impact bid and ask marked. */
final class BookPage extends VBox {
    private final AreaChart<Number, Number> chart;

    BookPage(BookPageModel m) {
        NumberAxis x = new NumberAxis();
        x.setLabel("price");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("cumulative quote");
        chart = new AreaChart<>(x, y);
        chart.setId("lab-depth-chart");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setPrefHeight(260);
        chart.setLegendVisible(true);
        m.depthProperty().addListener((obs, o, n) -> draw(n));
        draw(m.depthProperty().get());
        getChildren().add(MarketLabView.pageBox(
                MarketLabView.figures(
                        Forms.labelled("impact notional", Forms.field("lab-impact-notional",
                                m.impactNotionalProperty(), 9, "Quote notional of the impact order")),
                        MarketLabView.figure("Impact bid", "lab-impact-bid", m.impactBidProperty()),
                        MarketLabView.figure("Impact ask", "lab-impact-ask", m.impactAskProperty()),
                        MarketLabView.figure("Impact mid", "lab-impact-mid", m.impactMidProperty())),
                chart, MarketLabView.status(m.problemProperty()),
                MarketLabView.working("lab-book-working", m.workingProperty())));
    }

    private void draw(BookPageModel.Depth d) {
        chart.getData().clear();
        if (d == null) {
            return;
        }
        XYChart.Series<Number, Number> bids = new XYChart.Series<>();
        bids.setName("bids");
        XYChart.Series<Number, Number> asks = new XYChart.Series<>();
        asks.setName("asks");
        XYChart.Series<Number, Number> shadeBid = new XYChart.Series<>();
        shadeBid.setName("impact notional sold");
        XYChart.Series<Number, Number> shadeAsk = new XYChart.Series<>();
        shadeAsk.setName("impact notional bought");
        double prev = 0;
        for (BookPageModel.DepthPoint p : d.bids()) {
            bids.getData().add(new XYChart.Data<>(p.price(), prev));
            bids.getData().add(new XYChart.Data<>(p.price(), p.cumulativeQuote()));
            if (p.price() >= d.lastBidFilled()) {
                shadeBid.getData().add(new XYChart.Data<>(p.price(), Math.min(prev, d.impactNotional())));
                shadeBid.getData().add(new XYChart.Data<>(p.price(), Math.min(p.cumulativeQuote(), d.impactNotional())));
            }
            prev = p.cumulativeQuote();
        }
        prev = 0;
        for (BookPageModel.DepthPoint p : d.asks()) {
            asks.getData().add(new XYChart.Data<>(p.price(), prev));
            asks.getData().add(new XYChart.Data<>(p.price(), p.cumulativeQuote()));
            if (p.price() <= d.lastAskFilled()) {
                shadeAsk.getData().add(new XYChart.Data<>(p.price(), Math.min(prev, d.impactNotional())));
                shadeAsk.getData().add(new XYChart.Data<>(p.price(), Math.min(p.cumulativeQuote(), d.impactNotional())));
            }
            prev = p.cumulativeQuote();
        }
        XYChart.Series<Number, Number> marks = new XYChart.Series<>();
        marks.setName("impact bid / ask");
        marks.getData().add(new XYChart.Data<>(d.impactBid(), 0));
        marks.getData().add(new XYChart.Data<>(d.impactBid(), d.impactNotional()));
        marks.getData().add(new XYChart.Data<>(d.impactAsk(), d.impactNotional()));
        marks.getData().add(new XYChart.Data<>(d.impactAsk(), 0));
        chart.getData().add(bids);
        chart.getData().add(asks);
        chart.getData().add(shadeBid);
        chart.getData().add(shadeAsk);
        chart.getData().add(marks);
    }
}
