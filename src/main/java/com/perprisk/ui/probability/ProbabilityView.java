package com.perprisk.ui.probability;

import com.perprisk.ui.controls.Forms;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Probability tab: model inputs, the per-position table (closed form, Monte Carlo), and the sizing helper. */
public final class ProbabilityView extends BorderPane {
    private final ProbabilityViewModel vm;
    private final TableView<ProbabilityViewModel.Row> table = new TableView<>();

    public ProbabilityView(ProbabilityViewModel vm) {
        this.vm = vm;
        setId("probability-panel");
        getStyleClass().add("teach-panel");
        TextField vol = Forms.field("probability-volatility", vm.volatilityPercentProperty(), 4,
                "Annualized volatility in % (80 = 80% a year)");
        TextField horizon = Forms.field("probability-horizon", vm.horizonHoursProperty(), 5, "Horizon in hours (168 = a week)");
        TextField paths = Forms.field("probability-paths", vm.pathsProperty(), 7, "Monte Carlo paths");
        TextField seed = Forms.field("probability-seed", vm.seedProperty(), 4, "Seed: the same seed gives the same run");
        TextField rho = Forms.field("probability-correlation", vm.correlationProperty(), 3,
                "Correlation between every pair of markets (Monte Carlo)");
        CheckBox funding = new CheckBox("funding");
        funding.setTooltip(new Tooltip("Monte Carlo: settle funding along the path at each market's rate"));
        funding.selectedProperty().bindBidirectional(vm.fundingProperty());
        Button run = new Button("Run Monte Carlo");
        run.setId("probability-run");
        run.getStyleClass().add("accent");
        run.setOnAction(e -> vm.startMonteCarlo());
        run.disableProperty().bind(vm.runningProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("probability-cancel");
        cancel.setOnAction(e -> vm.cancelMonteCarlo());
        cancel.disableProperty().bind(vm.runningProperty().not());
        ProgressBar bar = new ProgressBar();
        bar.setId("probability-progress");
        bar.setPrefWidth(120);
        bar.progressProperty().bind(vm.progressProperty());
        Label mc = new Label();
        mc.setId("probability-status");
        mc.textProperty().bind(vm.monteCarloStatusProperty());
        FlowPane form = new FlowPane(10, 6, Forms.labelled("σ %", vol), Forms.labelled("horizon h", horizon),
                Forms.labelled("paths", paths), Forms.labelled("seed", seed), Forms.labelled("correlation", rho), funding, run, cancel,
                bar, mc);
        form.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.getStyleClass().add("teach-status");
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(problem.textProperty().isNotEmpty());
        VBox top = new VBox(6, form, problem);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        table.setId("probability-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No positions"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Forms.column("Position", "col-position", 90,
                r -> r.positionId() + " · " + r.symbol()));
        table.getColumns().add(Forms.column("Liq. price", "col-liq", 90, ProbabilityViewModel.Row::liquidationPrice));
        table.getColumns().add(Forms.column("Closed form", "col-closed", 90, ProbabilityViewModel.Row::closedForm));
        table.getColumns().add(Forms.column("Monte Carlo", "col-mc", 90, ProbabilityViewModel.Row::monteCarlo));
        table.getColumns().add(Forms.column("Std. error", "col-se", 80, ProbabilityViewModel.Row::standardError));

        ChoiceBox<String> pos = new ChoiceBox<>(vm.positionIds());
        pos.valueProperty().bindBidirectional(vm.sizingPositionProperty());
        pos.setId("sizing-position");
        TextField level = Forms.field("sizing-level", vm.levelPercentProperty(), 3, "Highest acceptable probability, %");
        TextField stop = Forms.field("sizing-stop", vm.stopPriceProperty(), 7, "Stop price");
        TextField loss = Forms.field("sizing-loss", vm.maxLossProperty(), 7, "Loss budget at the stop, quote currency");
        Button size = new Button("Size it");
        size.setId("sizing-run");
        size.setOnAction(e -> vm.size());
        Label title = new Label("Sizing helper");
        title.getStyleClass().add("teach-title");
        FlowPane sizingForm = new FlowPane(10, 6, Forms.labelled("position", pos), Forms.labelled("max P %", level),
                Forms.labelled("stop", stop), Forms.labelled("max loss", loss), size);
        sizingForm.setAlignment(Pos.CENTER_LEFT);
        Label result = new Label();
        result.setId("sizing-result");
        result.setWrapText(true);
        result.getStyleClass().add("teach-note");
        result.textProperty().bind(vm.sizingResultProperty());
        VBox sizing = new VBox(6, title, sizingForm, result);
        sizing.setPadding(new Insets(6, 8, 6, 8));
        ScrollPane sizingScroll = new ScrollPane(sizing);
        sizingScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(table, sizingScroll);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.5);
        setCenter(split);
    }

    public ProbabilityViewModel viewModel() {
        return vm;
    }

    public TableView<ProbabilityViewModel.Row> table() {
        return table;
    }
}
