package com.perprisk.ui.lab;

import com.perprisk.engine.cascade.Cascade;
import com.perprisk.ui.format.Formats;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The cascade page: the same shock with the two mark rules side by side, played as an animation of rounds (the mark
 * after each round; liquidations and the fund in words beneath each chart).
 */
final class CascadePage extends VBox {
    private final CascadePageModel m;
    private final LineChart<Number, Number> book;
    private final LineChart<Number, Number> anchored;
    private final Timeline timeline = new Timeline();

    CascadePage(CascadePageModel m, Formats formats) {
        this.m = m;
        book = chart("lab-cascade-book", "Mark = local book mid");
        anchored = chart("lab-cascade-anchored", "Mark anchored to the index");
        timeline.getKeyFrames().add(new KeyFrame(Duration.millis(700), e -> {
            if (!m.step()) {
                timeline.stop();
            }
        }));
        timeline.setCycleCount(Timeline.INDEFINITE);
        m.roundProperty().addListener((obs, o, n) -> draw());
        m.bookMidProperty().addListener((obs, o, n) -> draw());
        m.anchoredProperty().addListener((obs, o, n) -> draw());
        draw();
        Button play = new Button("Play rounds");
        play.setId("lab-cascade-play");
        play.getStyleClass().add("accent");
        play.setOnAction(e -> play());
        Button step = new Button("Step");
        step.setId("lab-cascade-step");
        step.setOnAction(e -> m.step());
        Button restart = new Button("Restart");
        restart.setId("lab-cascade-restart");
        restart.setOnAction(e -> {
            timeline.stop();
            m.restart();
        });
        Label bookText = MarketLabView.status(m.bookTextProperty());
        bookText.setId("lab-cascade-book-text");
        Label anchoredText = MarketLabView.status(m.anchoredTextProperty());
        anchoredText.setId("lab-cascade-anchored-text");
        VBox left = new VBox(4, book, bookText);
        VBox right = new VBox(4, anchored, anchoredText);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox.setVgrow(book, Priority.ALWAYS);
        VBox.setVgrow(anchored, Priority.ALWAYS);
        Label axes = new Label("Round −1: before the shock; 0: after it; then one round of liquidations each. Both"
                + " charts share one price scale.");
        axes.getStyleClass().add("teach-note");
        axes.setWrapText(true);
        Label verdict = MarketLabView.status(m.verdictProperty());
        verdict.setId("lab-cascade-verdict");
        verdict.getStyleClass().add("teach-verdict");
        HBox charts = new HBox(8, left, right);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().add(MarketLabView.pageBox(new HBox(8, play, step, restart), charts, axes, verdict,
                MarketLabView.status(m.problemProperty())));
    }

    void play() {
        timeline.stop();
        m.restart();
        timeline.play();
    }

    private static LineChart<Number, Number> chart(String id, String title) {
        LineChart<Number, Number> c = LabCharts.readable(new LineChart<>(LabCharts.axis("round", true),
                LabCharts.axis("mark", false)), id);
        c.setTitle(title);
        c.setLegendVisible(false);
        c.setMinWidth(220);
        return c;
    }

    private static double niceTick(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / p;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    private void draw() {
        fill(book, m.bookMidProperty().get());
        fill(anchored, m.anchoredProperty().get());
    }

    private void fill(LineChart<Number, Number> c, Cascade.Outcome o) {
        c.getData().clear();
        if (o == null) {
            return;
        }
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.getData().add(new XYChart.Data<>(-1, o.initialMark()));
        int upTo = Math.min(m.roundProperty().get(), o.rounds().size());
        for (int r = 0; r <= upTo; r++) {
            s.getData().add(new XYChart.Data<>(r, CascadePageModel.markAfter(o, r)));
        }
        c.getData().add(s);
        // both charts on one price scale, so that the two moves compare at a glance
        Cascade.Outcome b = m.bookMidProperty().get();
        Cascade.Outcome a = m.anchoredProperty().get();
        if (b == null || a == null) {
            return;
        }
        double lo = Math.min(Math.min(b.finalMark(), a.finalMark()), Math.min(b.initialMark(), a.initialMark()));
        double hi = Math.max(Math.max(b.finalMark(), a.finalMark()), Math.max(b.initialMark(), a.initialMark()));
        double pad = Math.max((hi - lo) * 0.08, hi * 1e-4);
        NumberAxis y = (NumberAxis) c.getYAxis();
        y.setAutoRanging(false);
        double tick = niceTick((hi - lo + 2 * pad) / 6);
        y.setLowerBound(Math.floor((lo - pad) / tick) * tick);
        y.setUpperBound(Math.ceil((hi + pad) / tick) * tick);
        y.setTickUnit(tick);
        NumberAxis x = (NumberAxis) c.getXAxis();
        x.setAutoRanging(false);
        x.setLowerBound(-1);
        x.setUpperBound(Math.max(1, m.roundsProperty().get()));
        x.setTickUnit(1);
    }
}
