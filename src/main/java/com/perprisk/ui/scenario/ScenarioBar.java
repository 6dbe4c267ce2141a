package com.perprisk.ui.scenario;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.format.Formats;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Scenario: drag the slider (or type an exact percentage) to move every market's mark price by the same fraction,
 * −50% … +50%, and watch every number, tile and chart follow; Reset returns to the entered prices. Bound to
 * {@link RiskContext#scenarioMoveProperty()}; shows the resulting mark of the selected position's market. During a
 * playback it shows the simulated mark and time instead, and the scenario is off until the playback stops.
 */
public final class ScenarioBar extends HBox {
    /** Largest move either way, as a fraction. */
    public static final double LIMIT = 0.5;

    private final RiskContext context;
    private final Formats fmt;
    private final Slider slider = new Slider(-LIMIT * 100, LIMIT * 100, 0);
    private final TextField percent = new TextField();
    private final Label markText = new Label();
    private final Button reset = new Button("Reset");
    private boolean syncing;

    public ScenarioBar(RiskContext context) {
        this(context, Formats.current());
    }

    public ScenarioBar(RiskContext context, Formats fmt) {
        this.context = context;
        this.fmt = fmt;
        setId("scenario-bar");
        getStyleClass().add("scenario-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        setPadding(new Insets(4, 10, 4, 10));

        Label title = new Label("Scenario");
        title.getStyleClass().add("scenario-title");
        Label hint = new Label("all marks");
        hint.getStyleClass().add("scenario-hint");

        slider.setId("scenario-slider");
        slider.setMajorTickUnit(25);
        slider.setMinorTickCount(0);
        slider.setBlockIncrement(1);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(false);
        slider.setPrefWidth(320);
        slider.setMinWidth(140);
        slider.setMaxWidth(520);
        HBox.setHgrow(slider, Priority.ALWAYS);
        LazyTooltip.install(slider, "Move every market's mark price by the same percentage (−50% … +50%)");
        slider.valueProperty().addListener((o, a, v) -> {
            if (!syncing) {
                // whole tenths of a percent while dragging
                setMove(Math.round(v.doubleValue() * 10) / 1000.0);
            }
        });

        percent.setId("scenario-percent");
        percent.getStyleClass().add("scenario-percent");
        percent.setPrefColumnCount(5);
        percent.setAlignment(Pos.CENTER_RIGHT);
        LazyTooltip.install(percent, "An exact move in %, e.g. −12.5; Enter applies it");
        percent.setOnAction(e -> applyText());
        percent.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                applyText();
            }
        });
        percent.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                show();
                e.consume();
            }
        });
        Label pct = new Label("%");
        pct.getStyleClass().add("scenario-hint");

        markText.setId("scenario-mark");
        markText.getStyleClass().add("scenario-mark");
        markText.setMinWidth(0);
        HBox.setHgrow(markText, Priority.SOMETIMES);

        reset.setId("scenario-reset");
        LazyTooltip.install(reset, "Back to the entered prices");
        reset.setOnAction(e -> reset());

        getChildren().addAll(title, hint, slider, percent, pct, markText, reset);

        context.scenarioMoveProperty().addListener((o, a, b) -> show());
        context.portfolioProperty().addListener((o, a, b) -> showMark());
        context.enteredPortfolioProperty().addListener((o, a, b) -> showMark());
        context.selectedPositionIdProperty().addListener((o, a, b) -> showMark());
        context.playbackTimeProperty().addListener((o, a, b) -> show());
        show();
    }

    /** Sets the move (a fraction), clamped to ±{@link #LIMIT}. */
    public void setMove(double fraction) {
        if (!Double.isFinite(fraction)) {
            return;
        }
        double clamped = Math.max(-LIMIT, Math.min(LIMIT, fraction));
        context.scenarioMoveProperty().set(clamped);
    }

    /** Back to the entered prices. */
    public void reset() {
        context.scenarioMoveProperty().set(0);
        show();
    }

    public Slider slider() {
        return slider;
    }

    public TextField percentField() {
        return percent;
    }

    public String markText() {
        return markText.getText();
    }

    private void applyText() {
        Double v = fmt.parse(percent.getText());
        if (v == null) {
            if (Formats.isBlank(percent.getText())) {
                setMove(0);
                percent.getStyleClass().remove("error");
                show();
            } else {
                if (!percent.getStyleClass().contains("error")) {
                    percent.getStyleClass().add("error");
                }
            }
            return;
        }
        percent.getStyleClass().remove("error");
        setMove(v / 100.0);
        show();
    }

    private void show() {
        double move = context.scenarioMoveProperty().get();
        syncing = true;
        try {
            slider.setValue(move * 100);
            if (!percent.isFocused() || !percent.getStyleClass().contains("error")) {
                percent.setText(fmt.editText(Math.round(move * 1e6) / 1e4));
            }
        } finally {
            syncing = false;
        }
        // a playback shows its simulated marks: the scenario does not apply until it stops
        boolean playback = context.playbackTimeProperty().get() != null;
        slider.setDisable(playback);
        percent.setDisable(playback);
        reset.setDisable(move == 0 || playback);
        getStyleClass().removeAll("active", "simulated");
        if (playback) {
            getStyleClass().add("simulated");
        } else if (move != 0) {
            getStyleClass().add("active");
        }
        showMark();
    }

    private void showMark() {
        Portfolio entered = context.enteredPortfolioProperty().get();
        Portfolio moved = context.getPortfolio();
        double move = context.scenarioMoveProperty().get();
        Market m = market(entered);
        if (m == null) {
            markText.setText(moved == null && entered == null ? "mark " + Formats.NONE + " (no results)" : "");
            return;
        }
        Market now = moved == null ? null : moved.market(m.symbol()).orElse(null);
        double ref = m.markPrice();
        Double time = context.playbackTimeProperty().get();
        if (time != null && now != null) {
            markText.setText(m.symbol() + " mark " + fmt.price(now.markPrice(), ref) + " (simulated, t = "
                    + fmt.quantity(time, 2) + " h; entered " + fmt.price(m.markPrice(), ref) + ")");
            return;
        }
        String to = now != null ? fmt.price(now.markPrice(), ref) : fmt.price(m.markPrice() * (1 + move), ref);
        markText.setText(move == 0 ? m.symbol() + " mark " + fmt.price(m.markPrice(), ref) + " (as entered)"
                : m.symbol() + " mark " + fmt.price(m.markPrice(), ref) + " → " + to + "  ("
                + fmt.signedPercent(move, 1) + ")");
    }

    /** The selected position's market, else the first position's, else the first market. */
    private Market market(Portfolio p) {
        if (p == null) {
            return null;
        }
        String id = context.selectedPositionIdProperty().get();
        Position pos = p.positions().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElse(p.positions().isEmpty() ? null : p.positions().get(0));
        if (pos != null) {
            return p.market(pos.symbol()).orElse(null);
        }
        return p.markets().isEmpty() ? null : p.markets().get(0);
    }
}
