package com.perprisk.ui.markets;

import com.perprisk.engine.ContractType;
import com.perprisk.ui.controls.ChoiceCell;
import com.perprisk.ui.controls.EditableTextCell;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.FieldPaths;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;

import java.util.List;

/**
 * The markets table's contract columns: the contract type (linear or inverse), an inverse contract's value in USD
 * and the coin it settles in. Editing them changes what a position's size counts and which asset its money is in.
 */
final class ContractColumns {
    private ContractColumns() {
    }

    static List<TableColumn<MarketRow, ?>> of(WorkspaceViewModel vm, Formats fmt) {
        TableColumn<MarketRow, ContractType> type = new TableColumn<>();
        type.setGraphic(header("Contract", "Linear: size in base units, money in USDT. Inverse (coin-margined): size "
                + "in contracts of a fixed USD value, margin, PnL and funding in the settle coin"));
        type.setId("market-col-contract.type");
        type.setCellValueFactory(c -> c.getValue().contractTypeProperty());
        type.setCellFactory(c -> new ChoiceCell<>(vm, FXCollections.observableArrayList(ContractType.values()),
                ChoiceCell.enumConverter(t -> t == ContractType.INVERSE ? "Inverse" : "Linear",
                        List.of(ContractType.values())),
                (row, i) -> FieldPaths.market(vm.indexOf(row), "contract.type"), t -> null));
        type.setPrefWidth(72);
        type.setSortable(false);

        TableColumn<MarketRow, String> size = new TableColumn<>();
        size.setGraphic(header("Ct. value", "An inverse contract's value in USD (100 for Binance COIN-M BTCUSD_PERP, "
                + "1 for Bybit BTCUSD)"));
        size.setId("market-col-contract.contractSize");
        size.setCellValueFactory(c -> c.getValue().contractSizeProperty());
        size.setCellFactory(c -> new EditableTextCell<>(vm, MarketRow::contractSizeProperty,
                (row, i) -> FieldPaths.market(vm.indexOf(row), "contract.contractSize"),
                t -> Formats.isBlank(t) ? "" : fmt.quantity(fmt.parse(t), 8) + " USD", true));
        size.setPrefWidth(76);
        size.setSortable(false);

        TableColumn<MarketRow, String> coin = new TableColumn<>();
        coin.setGraphic(header("Settle", "The coin an inverse contract's margin, PnL and funding are paid in (BTC)"));
        coin.setId("market-col-contract.settleAsset");
        coin.setCellValueFactory(c -> c.getValue().settleAssetProperty());
        coin.setCellFactory(c -> new EditableTextCell<>(vm, MarketRow::settleAssetProperty,
                (row, i) -> FieldPaths.market(vm.indexOf(row), "contract.settleAsset"), t -> t, false));
        coin.setPrefWidth(58);
        coin.setSortable(false);
        return List.of(type, size, coin);
    }

    private static Label header(String text, String tip) {
        Label l = new Label(text);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        LazyTooltip.install(l, tip);
        return l;
    }
}
