package com.perprisk.ui.reconcile;

import com.perprisk.ui.controls.Forms;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Reconcile tab: the exchange's price and what is known about it on top; the verdict and every combination below. */
public final class ReconcileView extends BorderPane {
    private final ReconcileViewModel vm;
    private final TableView<ReconcileViewModel.CandidateRow> table = new TableView<>();

    public ReconcileView(ReconcileViewModel vm) {
        this.vm = vm;
        setId("reconcile-panel");
        getStyleClass().add("teach-panel");
        ChoiceBox<String> position = new ChoiceBox<>(vm.positionIds());
        position.setId("reconcile-position");
        position.valueProperty().bindBidirectional(vm.positionIdProperty());
        TextField exch = Forms.field("reconcile-exchange-price", vm.exchangePriceProperty(), 9,
                "The liquidation price the exchange shows for this position");
        TextField tick = Forms.field("reconcile-tick", vm.tickProperty(), 5, "The market's price tick, e.g. 0.1");
        TextField funding = Forms.field("reconcile-funding", vm.fundingAccruedProperty(), 7,
                "Funding received (+) or paid (−) since the position was opened, in quote currency");
        TextField spread = Forms.field("reconcile-spread", vm.markLastSpreadProperty(), 6,
                "Last price − mark price when you read the exchange's figure");
        Button go = new Button("Explain the gap");
        go.setId("reconcile-run");
        go.getStyleClass().add("accent");
        go.setDefaultButton(false);
        go.setOnAction(e -> vm.reconcile());
        exch.setOnAction(e -> vm.reconcile());
        FlowPane form = new FlowPane(10, 6, Forms.labelled("Position", position), Forms.labelled("Exchange liq. price", exch),
                Forms.labelled("Tick", tick), Forms.labelled("Funding accrued", funding), Forms.labelled("Last − mark", spread), go);
        form.setAlignment(Pos.CENTER_LEFT);
        Label baseline = new Label();
        baseline.getStyleClass().add("teach-note");
        baseline.textProperty().bind(vm.baselineProperty());
        Label verdict = new Label();
        verdict.setId("reconcile-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("teach-verdict");
        verdict.textProperty().bind(vm.verdictProperty());
        vm.explainedProperty().addListener((o, a, ok) -> {
            verdict.getStyleClass().removeAll("verdict-ok", "verdict-none");
            verdict.getStyleClass().add(ok ? "verdict-ok" : "verdict-none");
        });
        Label notes = new Label();
        notes.setWrapText(true);
        notes.getStyleClass().add("teach-note");
        notes.textProperty().bind(vm.explanationProperty());
        VBox top = new VBox(6, form, baseline, verdict, notes);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        table.setId("reconcile-candidates");
        table.setItems(vm.candidates());
        table.setPlaceholder(new Label("Type the exchange's liquidation price and press Explain: every combination "
                + "of causes is tried, closest first."));
        ((Label) table.getPlaceholder()).setWrapText(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Forms.column("Causes applied", null, 240, ReconcileViewModel.CandidateRow::causes));
        table.getColumns().add(Forms.column("Liq. price", null, 90, ReconcileViewModel.CandidateRow::price));
        table.getColumns().add(Forms.column("Exchange − this", null, 100, ReconcileViewModel.CandidateRow::residual));
        table.getColumns().add(Forms.column("What changed", null, 300, ReconcileViewModel.CandidateRow::notes));
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ReconcileViewModel.CandidateRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("candidate-match");
                setTooltip(null);
                if (!empty && item != null) {
                    if (item.match()) {
                        getStyleClass().add("candidate-match");
                    }
                    if (!item.notes().isEmpty()) {
                        setTooltip(new Tooltip(item.notes()));
                    }
                }
            }
        });
        setCenter(table);
    }

    public ReconcileViewModel viewModel() {
        return vm;
    }
}
