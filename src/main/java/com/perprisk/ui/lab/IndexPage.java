package com.perprisk.ui.lab;

import com.perprisk.ui.controls.Forms;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** The index page: the feeds as an editable table, dropped feeds struck through with the reason, the rules. */
final class IndexPage extends VBox {
    IndexPage(IndexPageModel m) {
        TableView<IndexPageModel.Row> table = new TableView<>(m.rows());
        table.setId("lab-index-table");
        table.setEditable(true);
        table.setPrefHeight(190);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(LabCharts.editable("Feed", "col-feed", 90, IndexPageModel.Row::nameProperty));
        table.getColumns().add(LabCharts.editable("Price", "col-price", 90, IndexPageModel.Row::priceProperty));
        table.getColumns().add(LabCharts.editable("Volume", "col-volume", 80, IndexPageModel.Row::volumeProperty));
        table.getColumns().add(LabCharts.editable("Age s", "col-age", 64, IndexPageModel.Row::ageProperty));
        TableColumn<IndexPageModel.Row, String> status = new TableColumn<>("Used or dropped, and why");
        status.setId("col-status");
        status.setPrefWidth(260);
        status.setCellValueFactory(c -> c.getValue().statusProperty());
        table.getColumns().add(status);
        table.setRowFactory(t -> {
            TableRow<IndexPageModel.Row> row = new TableRow<>();
            row.itemProperty().addListener((obs, o, n) -> {
                row.getStyleClass().remove("lab-dropped");
                if (n != null) {
                    n.droppedProperty().addListener((o2, a, d) -> mark(row, d));
                    mark(row, n.droppedProperty().get());
                }
            });
            return row;
        });
        Button add = new Button("Add feed");
        add.setId("lab-index-add");
        add.setOnAction(e -> table.getSelectionModel().select(m.addRow("Feed " + (m.rows().size() + 1), "", "1", "0")));
        Button remove = new Button("Remove feed");
        remove.setId("lab-index-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> m.removeRow(table.getSelectionModel().getSelectedItem()));
        CheckBox median = new CheckBox("median instead of VWAP");
        median.setId("lab-index-median");
        median.selectedProperty().bindBidirectional(m.medianProperty());
        FlowPane rules = new FlowPane(10, 6,
                Forms.labelled("max deviation %", Forms.field("lab-index-deviation", m.maxDeviationPercentProperty(), 4,
                        "Feeds further than this from the median are dropped")),
                Forms.labelled("max age s", Forms.field("lab-index-age", m.maxAgeSecondsProperty(), 4,
                        "Feeds older than this are stale (empty: no check)")),
                Forms.labelled("min feeds", Forms.field("lab-index-min", m.minSourcesProperty(), 3,
                        "Fewer feeds than this: the index falls back to the median of the fresh feeds")),
                median, add, remove);
        getChildren().addAll(MarketLabView.pageBox(
                MarketLabView.figures(MarketLabView.figure("Index price", "lab-index-price", m.priceProperty())),
                rules, table, MarketLabView.status(m.problemProperty()),
                MarketLabView.working("lab-index-working", m.workingProperty())));
    }

    private static void mark(TableRow<?> row, boolean dropped) {
        row.getStyleClass().remove("lab-dropped");
        if (dropped) {
            row.getStyleClass().add("lab-dropped");
        }
    }

}
