package com.perprisk.ui.lab;

import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The pool page: open interest per side, fees, funding, and the ADL threshold gauges. */
final class PoolPage extends VBox {
    PoolPage(PoolPageModel m) {
        ProgressBar longOi = new ProgressBar();
        longOi.setId("lab-pool-long-oi");
        ProgressBar shortOi = new ProgressBar();
        shortOi.setId("lab-pool-short-oi");
        for (ProgressBar b : new ProgressBar[]{longOi, shortOi}) {
            b.setPrefWidth(260);
        }
        longOi.progressProperty().bind(m.longOiProperty().divide(m.longOiProperty().add(m.shortOiProperty())
                .add(1e-12)));
        shortOi.progressProperty().bind(m.shortOiProperty().divide(m.longOiProperty().add(m.shortOiProperty())
                .add(1e-12)));
        ProgressBar longGauge = gauge("lab-pool-adl-long", m);
        longGauge.progressProperty().bind(m.longGaugeProperty());
        ProgressBar shortGauge = gauge("lab-pool-adl-short", m);
        shortGauge.progressProperty().bind(m.shortGaugeProperty());
        getChildren().add(MarketLabView.pageBox(
                MarketLabView.figures(
                        MarketLabView.figure("Pool value", "lab-pool-value", m.poolValueProperty()),
                        MarketLabView.figure("Open interest", "lab-pool-oi", m.openInterestProperty()),
                        MarketLabView.figure("Funding", "lab-pool-funding", m.fundingProperty())),
                row("long OI share", longOi), row("short OI share", shortOi),
                MarketLabView.figures(MarketLabView.figure("Fees and price impact", "lab-pool-fees",
                        m.feesProperty())),
                row("long PnL / ADL threshold", longGauge), row("short PnL / ADL threshold", shortGauge),
                MarketLabView.figures(MarketLabView.figure("ADL", "lab-pool-adl", m.adlProperty())),
                MarketLabView.status(m.problemProperty()),
                MarketLabView.working("lab-pool-working", m.workingProperty())));
    }

    private static ProgressBar gauge(String id, PoolPageModel m) {
        ProgressBar b = new ProgressBar();
        b.setId(id);
        b.setPrefWidth(260);
        b.getStyleClass().add("lab-gauge");
        return b;
    }

    private static HBox row(String name, ProgressBar bar) {
        Label l = new Label(name);
        l.getStyleClass().add("field-label");
        l.setMinWidth(170);
        return new HBox(8, l, bar);
    }
}
