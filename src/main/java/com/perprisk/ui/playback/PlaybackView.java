package com.perprisk.ui.playback;

import com.perprisk.ui.controls.Forms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.simulation.Simulation;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;

/** Playback tab: path settings and transport on top, the path chart and the event log side by side below. */
public final class PlaybackView extends BorderPane {
    private final PlaybackViewModel vm;
    private final PathChart chart;
    private final TableView<PlaybackViewModel.EventRow> table = new TableView<>();
    private final ChoiceBox<String> market = new ChoiceBox<>();
    private final Label status = new Label();
    private final Label state = new Label();

    public PlaybackView(PlaybackViewModel vm) {
        this.vm = vm;
        setId("playback-panel");
        getStyleClass().add("teach-panel");
        chart = new PathChart(vm);
        Formats f = vm.workspace().formats();

        ChoiceBox<PlaybackViewModel.Source> source = new ChoiceBox<>();
        source.getItems().setAll(PlaybackViewModel.Source.values());
        source.valueProperty().bindBidirectional(vm.sourceProperty());
        source.setId("playback-source");
        source.setTooltip(new Tooltip("Where the marks come from: a seeded random walk, a CSV you import, or a path "
                + "you draw on the chart"));

        TextField vol = number("playback-volatility", 56, () -> vm.volatilityProperty().get() * 100,
                v -> vm.volatilityProperty().set(v / 100), "Annualized volatility in % (80 = 80% a year)");
        TextField steps = number("playback-steps", 52, () -> vm.stepsProperty().get(),
                v -> vm.stepsProperty().set((int) Math.max(1, Math.min(100_000, Math.round(v)))), "Number of steps");
        TextField stepH = number("playback-step-hours", 40, () -> vm.stepHoursProperty().get(),
                v -> vm.stepHoursProperty().set(Math.max(1e-3, v)), "Hours per step");
        TextField seed = number("playback-seed", 48, () -> vm.seedProperty().get(),
                v -> vm.seedProperty().set((int) Math.round(v)), "Seed: the same seed plays the same path");
        vm.volatilityProperty().addListener((o, a, b) -> vol.setText(f.editText(b.doubleValue() * 100)));
        vm.stepsProperty().addListener((o, a, b) -> steps.setText(f.editText(b.doubleValue())));
        vm.stepHoursProperty().addListener((o, a, b) -> stepH.setText(f.editText(b.doubleValue())));
        vm.seedProperty().addListener((o, a, b) -> seed.setText(f.editText(b.doubleValue())));
        Button csv = new Button("Import CSV…");
        csv.setId("playback-import-csv");
        csv.setOnAction(e -> importCsv());
        ToggleButton draw = new ToggleButton("Draw");
        draw.setId("playback-draw");
        draw.setTooltip(new Tooltip("Drag across the chart to draw the selected market's path; then Play"));
        draw.selectedProperty().addListener((o, a, on) -> {
            if (on) {
                vm.reset();
                vm.sourceProperty().set(PlaybackViewModel.Source.DRAWN);
            }
        });
        chart.drawModeProperty().bind(draw.selectedProperty());
        Button clear = new Button("Clear");
        clear.setOnAction(e -> {
            vm.clearDrawing();
            chart.requestLayout();
        });
        clear.visibleProperty().bind(draw.selectedProperty());
        clear.managedProperty().bind(draw.selectedProperty());

        Button play = new Button("▶ Play");
        play.setId("playback-play");
        play.getStyleClass().add("accent");
        play.setOnAction(e -> {
            draw.setSelected(false);
            if (vm.playingProperty().get()) {
                vm.pause();
            } else {
                vm.play();
            }
        });
        play.setTooltip(new Tooltip("Play or pause (Space); Step: → ; End: End"));
        play.textProperty().bind(javafx.beans.binding.Bindings.when(vm.playingProperty()).then("❚❚ Pause")
                .otherwise("▶ Play"));
        Button step = new Button("Step");
        step.setId("playback-step");
        step.setOnAction(e -> {
            draw.setSelected(false);
            vm.pause();
            vm.step();
        });
        Button end = new Button("End");
        end.setId("playback-end");
        end.setTooltip(new Tooltip("Jump to the end of the path"));
        end.setOnAction(e -> {
            draw.setSelected(false);
            vm.pause();
            vm.toEnd();
        });
        Button stop = new Button("Stop");
        stop.setId("playback-stop");
        stop.setTooltip(new Tooltip("Stop and return every number to the workspace as entered"));
        stop.setOnAction(e -> vm.reset());
        stop.disableProperty().bind(vm.activeProperty().not());
        Slider speed = new Slider(1, 120, vm.speedProperty().get());
        speed.setId("playback-speed");
        speed.setPrefWidth(90);
        speed.valueProperty().bindBidirectional(vm.speedProperty());
        Label speedText = new Label();
        speedText.textProperty().bind(vm.speedProperty().asString("%.0f/s"));
        speedText.setMinWidth(34);
        CheckBox stopAtLiq = new CheckBox("pause at liquidation");
        stopAtLiq.selectedProperty().bindBidirectional(vm.pauseOnLiquidationProperty());

        market.setId("playback-market");
        market.setMinWidth(110);
        market.setTooltip(new Tooltip("Market shown on the chart"));
        chart.symbolProperty().bind(market.valueProperty());
        vm.workspace().symbols().addListener((javafx.collections.ListChangeListener<String>) c -> fillMarkets());
        fillMarkets();

        CheckBox future = new CheckBox("show the path ahead");
        future.setId("playback-show-future");
        future.selectedProperty().bindBidirectional(vm.showFutureProperty());
        FlowPane settings = new FlowPane(8, 6, Forms.labelled("Path", source), Forms.labelled("σ %", vol),
                Forms.labelled("steps", steps), Forms.labelled("h/step", stepH), Forms.labelled("seed", seed), csv, draw, clear, future);
        settings.setAlignment(Pos.CENTER_LEFT);
        ToggleButton pathButton = new ToggleButton("Path…");
        pathButton.setId("playback-path-settings");
        pathButton.setTooltip(new Tooltip("Where the prices come from: random walk settings, CSV import, drawing"));
        settings.visibleProperty().bind(pathButton.selectedProperty());
        settings.managedProperty().bind(pathButton.selectedProperty());
        FlowPane transport = new FlowPane(8, 6, play, step, end, stop, Forms.labelled("speed", speed), speedText,
                stopAtLiq, Forms.labelled("chart", market), pathButton);
        transport.setAlignment(Pos.CENTER_LEFT);
        status.setId("playback-status");
        status.getStyleClass().add("teach-status");
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                        !vm.problemProperty().get().isEmpty() ? "⚠ " + vm.problemProperty().get()
                                : vm.activeProperty().get() || !vm.statusProperty().get().isEmpty() ? vm.statusProperty().get()
                                : "Ready: the inputs as entered. Play runs the path (" + vm.pathSummary() + "); every number"
                                + " follows it.",
                vm.problemProperty(), vm.statusProperty(), vm.activeProperty(), vm.sourceProperty(),
                vm.seedProperty(), vm.volatilityProperty(), vm.stepsProperty()));
        status.setWrapText(true);
        state.setId("playback-state");
        state.getStyleClass().add("teach-note");
        state.setWrapText(true);
        Tooltip stateTip = new Tooltip();
        stateTip.textProperty().bind(state.textProperty());
        state.setTooltip(stateTip);
        vm.currentProperty().addListener((o, a, t) -> state.setText(describeState(t)));
        vm.workspace().context().riskProperty().addListener((o, a, r) -> state.setText(
                describeState(vm.currentProperty().get())));
        VBox top = new VBox(6, transport, settings, status);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        buildTable(f);
        VBox left = new VBox(4, chart, state);
        VBox.setVgrow(chart, Priority.ALWAYS);
        left.setPadding(new Insets(0, 0, 4, 8));
        // classroom keys: Space plays or pauses, → steps, End jumps to the end (not while typing in a field)
        addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.control.TextInputControl || e.isShortcutDown()) {
                return;
            }
            switch (e.getCode()) {
                case SPACE -> {
                    play.fire();
                    e.consume();
                }
                case RIGHT -> {
                    step.fire();
                    e.consume();
                }
                case END -> {
                    end.fire();
                    e.consume();
                }
                default -> {
                }
            }
        });
        SplitPane split = new SplitPane(left, table);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.42);
        setCenter(split);
    }

    private void fillMarkets() {
        String was = market.getValue();
        market.getItems().setAll(vm.workspace().symbols());
        if (was != null && market.getItems().contains(was)) {
            market.setValue(was);
        } else if (!market.getItems().isEmpty()) {
            market.setValue(market.getItems().get(0));
        }
    }

    /** Chooses the market the chart shows. */
    public void showMarket(String symbol) {
        if (market.getItems().contains(symbol)) {
            market.setValue(symbol);
        }
    }

    private String describeState(Simulation.Tick t) {
        if (t == null) {
            return "";
        }
        Formats f = vm.workspace().formats();
        Portfolio p = t.portfolio();
        PortfolioRisk risk = vm.workspace().context().getRisk();
        StringBuilder b = new StringBuilder();
        b.append("Open: ").append(p.positions().isEmpty() ? "none" : String.join(", ", p.positions().stream()
                .map(x -> x.id() + " " + f.quantity(x.size(), 6)).toList()));
        b.append(" · wallet ").append(f.money(p.account().walletBalance()));
        if (risk != null && risk.account().marginRatio() != null) {
            b.append(" · cross margin ratio ").append(f.percent(risk.account().marginRatio(), 1));
        }
        for (Market m : p.markets()) {
            b.append(" · ").append(m.symbol()).append(" ").append(f.price(m.markPrice(), m.markPrice()));
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private void buildTable(Formats f) {
        table.setId("playback-events");
        table.setItems(vm.log());
        table.setPlaceholder(new Label("Events appear here as the path plays: funding, margin calls, liquidations,"
                + " insurance fund, ADL."));
        ((Label) table.getPlaceholder()).setWrapText(true);
        table.getPlaceholder().getStyleClass().add("teach-note");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<PlaybackViewModel.EventRow, String> stepCol = col("#", "col-step", 38,
                r -> Integer.toString(r.step()));
        TableColumn<PlaybackViewModel.EventRow, String> timeCol = col("Time", "col-time", 54,
                r -> f.quantity(r.timeHours(), 2) + " h");
        TableColumn<PlaybackViewModel.EventRow, String> typeCol = col("Type", "col-type", 96,
                r -> typeLabel(r.event().type()));
        TableColumn<PlaybackViewModel.EventRow, String> posCol = col("Position", "col-position", 72,
                PlaybackViewModel.EventRow::position);
        TableColumn<PlaybackViewModel.EventRow, String> detCol = col("Details", "col-details", 200,
                PlaybackViewModel.EventRow::details);
        table.getColumns().setAll(stepCol, timeCol, typeCol, posCol, detCol);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PlaybackViewModel.EventRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("event-liquidation", "event-warning", "event-funding");
                setTooltip(null);
                if (!empty && item != null) {
                    switch (item.event().type()) {
                        case LIQUIDATION, ADL -> getStyleClass().add("event-liquidation");
                        case MARGIN_CALL, PARTIAL_LIQUIDATION, INSURANCE_FUND -> getStyleClass().add("event-warning");
                        default -> getStyleClass().add("event-funding");
                    }
                    setTooltip(new Tooltip(item.details()));
                }
            }
        });
        vm.log().addListener((javafx.collections.ListChangeListener<PlaybackViewModel.EventRow>) c -> {
            if (!vm.log().isEmpty()) {
                javafx.application.Platform.runLater(() -> {
                    if (!vm.log().isEmpty()) {
                        table.scrollTo(vm.log().size() - 1);
                    }
                });
            }
        });
    }

    /** The event type in words, short enough for the log. */
    public static String typeLabel(com.perprisk.engine.simulation.SimulationEvent.Type t) {
        return switch (t) {
            case FUNDING -> "Funding";
            case MARGIN_CALL -> "Margin call";
            case LIQUIDATION -> "Liquidation";
            case PARTIAL_LIQUIDATION -> "Partial liq.";
            case INSURANCE_FUND -> "Insurance fund";
            case ADL -> "ADL";
        };
    }

    private static TableColumn<PlaybackViewModel.EventRow, String> col(String name, String id, double width,
            java.util.function.Function<PlaybackViewModel.EventRow, String> value) {
        TableColumn<PlaybackViewModel.EventRow, String> c = new TableColumn<>(name);
        c.setId(id);
        c.setPrefWidth(width);
        if (!"col-details".equals(id)) {
            c.setMinWidth(width);
        }
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(value.apply(d.getValue())));
        return c;
    }

    private TextField number(String id, double width, java.util.function.DoubleSupplier current,
                             Consumer<Double> onValue, String tip) {
        Formats f = vm.workspace().formats();
        TextField t = new TextField(f.editText(current.getAsDouble()));
        t.setId(id);
        t.setPrefColumnCount(4);
        t.setPrefWidth(width);
        t.setTooltip(new Tooltip(tip));
        Runnable commit = () -> {
            Double v = f.parse(t.getText());
            if (v != null && v.equals(f.parse(f.editText(current.getAsDouble())))) {
                t.getStyleClass().remove("field-invalid");
                return; // unchanged: leaving the field does not restart the playback
            }
            if (v != null && Double.isFinite(v)) {
                onValue.accept(v);
                t.getStyleClass().remove("field-invalid");
                if (vm.activeProperty().get()) {
                    vm.reset();
                }
            } else if (!t.getStyleClass().contains("field-invalid")) {
                t.getStyleClass().add("field-invalid");
            }
        };
        t.setOnAction(e -> commit.run());
        t.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        return t;
    }

    private void importCsv() {
        FileChooser c = new FileChooser();
        c.setTitle("Import a price path");
        c.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV (timestamp, symbol, mark[, index, "
                + "fundingRate])", "*.csv", "*.txt"), new FileChooser.ExtensionFilter("All files", "*"));
        var file = c.showOpenDialog(getScene() == null ? null : getScene().getWindow());
        if (file != null) {
            try {
                vm.useCsv(file.getName(), Files.readString(file.toPath(), StandardCharsets.UTF_8));
                vm.prepare();
            } catch (IOException e) {
                vm.useCsv(file.getName(), "");
            }
        }
    }

    public PlaybackViewModel viewModel() {
        return vm;
    }

    public TableView<PlaybackViewModel.EventRow> table() {
        return table;
    }

    public PathChart chart() {
        return chart;
    }
}
