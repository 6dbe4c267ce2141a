package com.perprisk.ui.compare;

import com.perprisk.engine.Convention;
import com.perprisk.ui.format.Formats;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Compare tab: positions × quantities down, the five conventions across, and why they differ. */
public final class CompareView extends BorderPane {
    private final CompareViewModel vm;
    private final TableView<CompareViewModel.Row> table = new TableView<>();
    private final TextArea details = new TextArea();

    /**
     * @param shown     whether the pane is on screen: it recomputes on {@code refreshOn} only then, and when shown
     * @param refreshOn what makes the comparison stale (the results)
     */
    public CompareView(CompareViewModel vm, javafx.beans.value.ObservableBooleanValue shown,
                       javafx.beans.Observable... refreshOn) {
        this.vm = vm;
        setId("compare-panel");
        getStyleClass().add("teach-panel");
        Label title = new Label("The same positions under every venue's rules");
        title.getStyleClass().add("teach-title");
        Label problem = new Label();
        problem.getStyleClass().add("teach-status");
        problem.textProperty().bind(vm.problemProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> vm.refresh());
        HBox top = new HBox(8, title, problem, spacer, refresh);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(6, 8, 6, 8));
        setTop(top);

        table.setId("compare-table");
        table.setItems(vm.rows());
        table.setPlaceholder(new Label("No positions to compare"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CompareViewModel.Row, String> pos = text("Pos.", "col-position", 56,
                r -> r.quantity().ordinal() == 0 ? r.positionId() : "");
        TableColumn<CompareViewModel.Row, String> q = text("", "col-quantity", 92,
                r -> r.quantity().label());
        table.getColumns().add(pos);
        table.getColumns().add(q);
        for (Convention c : CompareViewModel.conventions()) {
            TableColumn<CompareViewModel.Row, String> col = text(Formats.venue(c), "col-" + c.name(), 84,
                    r -> r.values().get(c));
            col.setCellFactory(tc -> new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    getStyleClass().removeAll("own-convention", "differs");
                    var row = empty || getTableRow() == null ? null : getTableRow().getItem();
                    if (row != null) {
                        if (row.own() == c) {
                            getStyleClass().add("own-convention");
                        } else if (differs(row.raw().get(row.own()), row.raw().get(c))) {
                            getStyleClass().add("differs");
                        }
                    }
                }
            });
            col.getStyleClass().add("numeric");
            // the family the workspace is compared in: the linear venues, or the inverse ones
            col.setVisible(vm.shownConventions().contains(c));
            vm.rows().addListener((javafx.collections.ListChangeListener<CompareViewModel.Row>) ch -> col.setVisible(
                    vm.shownConventions().contains(c)));
            table.getColumns().add(col);
        }
        table.getColumns().add(text("Why they differ from the market's venue", "col-causes", 200,
                CompareViewModel.Row::causes));
        details.setEditable(false);
        details.setWrapText(true);
        details.setId("compare-details");
        details.setPromptText("Select a row to see each difference and the share of each cause.");
        table.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> details.setText(
                r == null ? "" : r.positionId() + " · " + r.quantity().label() + " (bold: the market's own venue, "
                        + Formats.venue(r.own()) + ")\n" + (r.details().isEmpty() ? "All venues agree."
                        : String.join("\n", r.details()))));
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.7);
        setCenter(split);
        boolean[] stale = {false};
        for (javafx.beans.Observable ob : refreshOn) {
            ob.addListener(o -> {
                if (shown.get()) {
                    vm.refresh();
                } else {
                    stale[0] = true;
                }
            });
        }
        shown.addListener((o, was, now) -> {
            if (now && stale[0]) {
                stale[0] = false;
                vm.refresh();
            }
        });
        vm.refresh();
    }

    private static boolean differs(Double a, Double b) {
        if (a == null || b == null) {
            return a != b;
        }
        return Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a));
    }

    private static TableColumn<CompareViewModel.Row, String> text(String name, String id, double w,
            java.util.function.Function<CompareViewModel.Row, String> f) {
        TableColumn<CompareViewModel.Row, String> c = new TableColumn<>(name);
        c.setId(id);
        c.setPrefWidth(w);
        c.setSortable(false);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        return c;
    }

    public TableView<CompareViewModel.Row> table() {
        return table;
    }

    public CompareViewModel viewModel() {
        return vm;
    }
}
