package com.perprisk.ui.reconcile;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
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
        TextField exch = field("reconcile-exchange-price", vm.exchangePriceProperty(), 9,
                "The liquidation price the exchange shows for this position");
        TextField tick = field("reconcile-tick", vm.tickProperty(), 5, "The market's price tick, e.g. 0.1");
        TextField funding = field("reconcile-funding", vm.fundingAccruedProperty(), 7,
                "Funding received (+) or paid (−) since the position was opened, in quote currency");
        TextField spread = field("reconcile-spread", vm.markLastSpreadProperty(), 6,
                "Last price − mark price when you read the exchange's figure");
        Button go = new Button("Explain the gap");
        go.setId("reconcile-run");
        go.getStyleClass().add("accent");
        go.setDefaultButton(false);
        go.setOnAction(e -> vm.reconcile());
        exch.setOnAction(e -> vm.reconcile());
        FlowPane form = new FlowPane(10, 6, labelled("Position", position), labelled("Exchange liq. price", exch),
                labelled("Tick", tick), labelled("Funding accrued", funding), labelled("Last − mark", spread), go);
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
        table.getColumns().add(col("Causes applied", 240, ReconcileViewModel.CandidateRow::causes));
        table.getColumns().add(col("Liq. price", 90, ReconcileViewModel.CandidateRow::price));
        table.getColumns().add(col("Exchange − this", 100, ReconcileViewModel.CandidateRow::residual));
        table.getColumns().add(col("What changed", 300, ReconcileViewModel.CandidateRow::notes));
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

    private static TableColumn<ReconcileViewModel.CandidateRow, String> col(String name, double w,
            java.util.function.Function<ReconcileViewModel.CandidateRow, String> f) {
        TableColumn<ReconcileViewModel.CandidateRow, String> c = new TableColumn<>(name);
        c.setPrefWidth(w);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty p, int columns, String tip) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(columns);
        t.textProperty().bindBidirectional(p);
        t.setTooltip(new Tooltip(tip));
        return t;
    }

    static HBox labelled(String text, javafx.scene.Node n) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setLabelFor(n);
        HBox b = new HBox(4, l, n);
        b.setAlignment(Pos.CENTER_LEFT);
        return b;
    }

    public ReconcileViewModel viewModel() {
        return vm;
    }
}
