package com.perprisk.ui.scenario;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Display;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Scenario: drag every mark price by −50%…+50% (0.1% steps, or type an exact %), watch every number follow, and
 * Reset to the entered prices. Bound to {@link RiskContext#scenarioMoveProperty()}; shows the resulting mark of the
 * selected position's market (the first market when none is selected).
 */
public final class ScenarioBar extends HBox {
    /** Largest move either way, as a fraction. */
    public static final double MAX_MOVE = 0.5;

    private final RiskContext context;
    private final Slider slider = new Slider(-MAX_MOVE * 100, MAX_MOVE * 100, 0);
    private final TextField percent = new TextField("0");
    private final Label markLabel = new Label();
    private final Button reset = new Button("Reset");
    private boolean updating;

    public ScenarioBar(RiskContext context) {
        this.context = context;
        setSpacing(8);
        setPadding(new Insets(6, 10, 6, 10));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("scenario-bar");

        Label title = new Label("Scenario: move all marks");
        title.setStyle("-fx-font-weight: bold;");
        slider.setId("scenario-slider");
        slider.setMajorTickUnit(25);
        slider.setMinorTickCount(4);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setBlockIncrement(0.1);
        slider.setMinWidth(220);
        slider.setPrefWidth(360);
        HBox.setHgrow(slider, Priority.ALWAYS);
        slider.setTooltip(new Tooltip("Drag to move every mark price; arrow keys move 0.1 %"));
        percent.setId("scenario-percent");
        percent.setPrefColumnCount(6);
        percent.setTooltip(new Tooltip("Exact move in %, −50 to +50; Enter to apply"));
        markLabel.setId("scenario-mark");
        markLabel.setMinWidth(230);
        reset.setId("scenario-reset");
        reset.setTooltip(new Tooltip("Back to the entered prices"));

        getChildren().addAll(title, slider, percent, new Label("%"), markLabel, reset);

        slider.valueProperty().addListener((o, a, b) -> {
            if (!updating) {
                // round to 0.01 % so that the move is an exact figure
                setMove(Math.round(b.doubleValue() * 100) / 10_000.0);
            }
        });
        percent.setOnAction(e -> applyText());
        percent.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                applyText();
            }
        });
        reset.setOnAction(e -> setMove(0));
        context.scenarioMoveProperty().addListener((o, a, b) -> showMove());
        context.portfolioProperty().addListener((o, a, b) -> showMark());
        context.enteredPortfolioProperty().addListener((o, a, b) -> showMark());
        context.selectedPositionIdProperty().addListener((o, a, b) -> showMark());
        showMove();
    }

    /** Parses "5", "+5 %", "−12.5" as a percentage and clamps it to ±50%. Returns null when unreadable. */
    public static Double parsePercent(String text) {
        if (text == null) {
            return null;
        }
        String t = text.replace("%", "").replace('−', '-').replace(',', '.').replace(" ", "").trim();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (t.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(t);
            if (!Double.isFinite(v)) {
                return null;
            }
            return Math.max(-MAX_MOVE, Math.min(MAX_MOVE, v / 100));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void applyText() {
        Double v = parsePercent(percent.getText());
        if (v == null) {
            showMove(); // put the current value back
        } else {
            setMove(v);
        }
    }

    private void setMove(double move) {
        context.scenarioMoveProperty().set(move);
        showMove();
    }

    private void showMove() {
        double move = context.scenarioMoveProperty().get();
        updating = true;
        try {
            slider.setValue(move * 100);
            percent.setText(trim(move * 100));
        } finally {
            updating = false;
        }
        reset.setDisable(move == 0);
        showMark();
    }

    private static String trim(double pct) {
        String s = new java.math.BigDecimal(pct).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    /** The market whose mark is shown: the selected position's, else the first. */
    public static Market shownMarket(Portfolio p, String selectedId) {
        if (p == null || p.markets().isEmpty()) {
            return null;
        }
        if (selectedId != null) {
            for (Position pos : p.positions()) {
                if (pos.id().equals(selectedId)) {
                    return p.market(pos.symbol()).orElse(p.markets().get(0));
                }
            }
        }
        return p.markets().get(0);
    }

    private void showMark() {
        Portfolio entered = context.enteredPortfolioProperty().get();
        Market m = shownMarket(entered != null ? entered : context.getPortfolio(),
                context.selectedPositionIdProperty().get());
        if (m == null) {
            markLabel.setText(Display.DASH);
            return;
        }
        double move = context.scenarioMoveProperty().get();
        double base = entered != null ? m.markPrice() : m.markPrice() / (1 + move);
        double moved = base * (1 + move);
        markLabel.setText(m.symbol() + " mark " + Display.price(base)
                + (move == 0 ? " (as entered)" : " → " + Display.price(moved)));
    }

    public Slider slider() {
        return slider;
    }

    public String markText() {
        return markLabel.getText();
    }
}
