package com.perprisk.ui.markets;

import com.perprisk.engine.Convention;
import com.perprisk.ui.controls.ChoiceCell;
import com.perprisk.ui.controls.EditableTextCell;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.controls.TableKeys;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.FieldPaths;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The markets table: symbol, venue convention, mark and index price, funding rate and interval, taker fee, and an
 * optional dated future (price, days to expiry). The selected market's tier table is edited below it.
 */
public final class MarketsView extends VBox {
    private final WorkspaceViewModel vm;
    private final TableView<MarketRow> table = new TableView<>();

    public MarketsView(WorkspaceViewModel vm) {
        this.vm = vm;
        setId("markets");
        getStyleClass().add("markets-view");
        Formats fmt = vm.formats();

        Label title = new Label("Markets");
        title.getStyleClass().add("section-title");
        Button add = new Button("+ Market");
        add.setId("add-market");
        add.getStyleClass().addAll("small", "flat");
        add.setFocusTraversable(false);
        add.setOnAction(e -> {
            select(vm.addMarket());
        });
        Button remove = new Button("Remove");
        remove.setId("remove-market");
        remove.getStyleClass().addAll("small", "flat");
        remove.setFocusTraversable(false);
        LazyTooltip.install(remove, "Remove the selected market (its positions then show a problem)");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            MarketRow m = table.getSelectionModel().getSelectedItem();
            if (m != null) {
                vm.removeMarket(m);
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(6, title, spacer, add, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");

        table.setId("markets-table");
        table.setItems(vm.markets());
        table.setEditable(true);
        table.getStyleClass().addAll("dense", "markets-table");
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No markets"));
        TableKeys.install(table);
        vm.loadsProperty().addListener(o -> com.perprisk.ui.controls.ColumnFit.reset(table));

        TableColumn<MarketRow, String> symbol = com.perprisk.ui.controls.ColumnFit.sizedToContent(
                text("Symbol", "symbol", MarketRow::symbolProperty, t -> t, 80, false));
        TableColumn<MarketRow, Convention> venue = new TableColumn<>("Venue");
        venue.setCellValueFactory(c -> c.getValue().conventionProperty());
        venue.setCellFactory(c -> new ChoiceCell<>(vm, FXCollections.observableArrayList(Convention.values()),
                ChoiceCell.enumConverter(Formats::venue, List.of(Convention.values())),
                (row, i) -> FieldPaths.market(vm.indexOf(row), "convention"), x -> null));
        venue.setId("market-col-convention");
        venue.setPrefWidth(92);
        venue.setSortable(false);

        UnaryOperator<String> price = t -> fmt.quantity(fmt.parse(t), 8);
        UnaryOperator<String> pct = t -> Formats.isBlank(t) ? "" : fmt.quantity(fmt.parse(t), 6) + "%";
        table.getColumns().addAll(List.of(symbol, venue,
                text("Mark", "markPrice", MarketRow::markPriceProperty, price, 78, true),
                text("Index", "indexPrice", MarketRow::indexPriceProperty, price, 78, true),
                text("Funding", "funding.rate", MarketRow::fundingRatePercentProperty, pct, 76, true),
                text("Int.", "funding.intervalHours", MarketRow::fundingIntervalHoursProperty,
                        t -> Formats.isBlank(t) ? "" : fmt.quantity(fmt.parse(t), 2) + " h", 44, true),
                text("Taker", "takerFeeRate", MarketRow::takerFeePercentProperty, pct, 56, true),
                text("Future", "future.price", MarketRow::futurePriceProperty, price, 76, true),
                text("Days", "future.daysToExpiry", MarketRow::futureDaysProperty,
                        t -> fmt.quantity(fmt.parse(t), 2), 50, true)));
        table.getColumns().get(table.getColumns().size() - 1).setMinWidth(50);
        // the contract: linear, or inverse with its USD value per contract and the coin it settles in
        table.getColumns().addAll(ContractColumns.of(vm, fmt));
        // never sideways: the columns a trader reads least step aside while the panel is too narrow
        com.perprisk.ui.controls.ColumnShedding shedding = com.perprisk.ui.controls.ColumnShedding.install(table,
                this::sheddingOrder);
        vm.markets().addListener((javafx.collections.ListChangeListener<MarketRow>) c -> shedding.later());
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, table);
        selectFirst();
        vm.markets().addListener((javafx.collections.ListChangeListener<MarketRow>) c -> {
            if (table.getSelectionModel().getSelectedItem() == null) {
                selectFirst();
            }
        });
    }

    /** Columns that step aside first; a workspace with a coin-margined market keeps its contract columns longer. */
    private List<String> sheddingOrder() {
        List<String> contract = List.of(COL + "contract.settleAsset", COL + "contract.contractSize",
                COL + "contract.type");
        List<String> rest = List.of(COL + "future.daysToExpiry", COL + "future.price", COL + "takerFeeRate",
                COL + "funding.intervalHours");
        List<String> last = List.of(COL + "indexPrice", COL + "live", COL + "convention");
        boolean inverse = vm.markets().stream()
                .anyMatch(m -> m.contractTypeProperty().get() == com.perprisk.engine.ContractType.INVERSE);
        List<String> out = new java.util.ArrayList<>(inverse ? rest : contract);
        out.addAll(inverse ? contract : rest);
        out.addAll(last);
        return out;
    }

    private static final String COL = "market-col-";

    private void selectFirst() {
        if (!vm.markets().isEmpty()) {
            table.getSelectionModel().clearAndSelect(0, table.getVisibleLeafColumn(0));
        }
    }

    /** Selects a market (its first cell), which shows its tier table. */
    public void select(MarketRow m) {
        int i = vm.indexOf(m);
        if (i >= 0) {
            table.getSelectionModel().clearAndSelect(i, table.getVisibleLeafColumn(0));
        }
    }

    public TableView<MarketRow> table() {
        return table;
    }

    public ReadOnlyObjectProperty<MarketRow> selectedMarketProperty() {
        return table.getSelectionModel().selectedItemProperty();
    }

    private TableColumn<MarketRow, String> text(String title, String field, Function<MarketRow, StringProperty> prop,
                                                UnaryOperator<String> display, double width, boolean numeric) {
        TableColumn<MarketRow, String> col = new TableColumn<>(title);
        col.setId("market-col-" + field);
        col.setCellValueFactory(c -> prop.apply(c.getValue()));
        col.setCellFactory(c -> new EditableTextCell<>(vm, prop,
                (row, i) -> FieldPaths.market(vm.indexOf(row), field), display, numeric));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }
}
