package com.perprisk.ui.positions;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.RiskPolicy;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.ui.controls.ChoiceCell;
import com.perprisk.ui.controls.ColumnFit;
import com.perprisk.ui.controls.EditableTextCell;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.playback.SimulatedInputs;
import com.perprisk.ui.workspace.FieldPaths;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;
import javafx.util.converter.DefaultStringConverter;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The columns of the positions table: the inputs (ID, symbol, side, size, entry, leverage, margin mode, isolated and
 * extra margin), edited in place, and the results, whose ids, tooltips and the quantity a click selects come from
 * the result vocabulary ({@link Quantity}).
 */
final class PositionColumns {
    private final WorkspaceViewModel vm;
    private final Formats fmt;
    private final Runnable onResultClicked;

    /** {@code onResultClicked} runs after a click on a result selected its quantity. */
    PositionColumns(WorkspaceViewModel vm, Runnable onResultClicked) {
        this.vm = vm;
        this.fmt = vm.formats();
        this.onResultClicked = onResultClicked;
    }

    /** The "Inputs" group: what the user types or chooses. */
    TableColumn<PositionRow, Object> inputs() {
        TableColumn<PositionRow, String> name = new TableColumn<>("ID");
        name.setId("col-id");
        name.setCellValueFactory(c -> c.getValue().idProperty());
        name.setCellFactory(c -> new EditableTextCell<>(vm, PositionRow::idProperty,
                (row, i) -> FieldPaths.position(vm.indexOf(row), "id"), t -> t, false));
        name.setPrefWidth(72);
        name.setSortable(false);

        TableColumn<PositionRow, String> symbol = new TableColumn<>("Symbol");
        symbol.setCellValueFactory(c -> c.getValue().symbolProperty());
        symbol.setCellFactory(c -> new ChoiceCell<>(vm, vm.symbols(), new DefaultStringConverter(),
                (row, i) -> FieldPaths.position(vm.indexOf(row), "symbol"), s -> null));
        ColumnFit.sizedToContent(symbol);
        symbol.setId("col-symbol");

        TableColumn<PositionRow, Side> side = new TableColumn<>("Side");
        side.setCellValueFactory(c -> c.getValue().sideProperty());
        side.setCellFactory(c -> new ChoiceCell<>(vm, FXCollections.observableArrayList(Side.values()),
                ChoiceCell.enumConverter(s -> s == Side.LONG ? "Long" : "Short", List.of(Side.values())),
                (row, i) -> FieldPaths.position(vm.indexOf(row), "side"),
                s -> s == Side.LONG ? "long" : "short"));
        side.setPrefWidth(56);
        side.setId("col-side");

        TableColumn<PositionRow, String> size = numberColumn("Size", "size", 58,
                t -> fmt.quantity(fmt.parse(t), 6), null);
        TableColumn<PositionRow, String> entry = numberColumn("Entry", "entryPrice", 70,
                t -> fmt.quantity(fmt.parse(t), 8), null);
        TableColumn<PositionRow, String> lev = numberColumn("Lev.", "leverage", 44,
                t -> Formats.isBlank(t) ? "" : fmt.quantity(fmt.parse(t), 2) + "×", null);

        TableColumn<PositionRow, MarginMode> mode = new TableColumn<>("Mode");
        mode.setCellValueFactory(c -> c.getValue().marginModeProperty());
        mode.setCellFactory(c -> new ChoiceCell<>(vm, FXCollections.observableArrayList(MarginMode.values()),
                ChoiceCell.enumConverter(m -> m == MarginMode.CROSS ? "Cross" : "Isolated",
                        List.of(MarginMode.values())),
                (row, i) -> FieldPaths.position(vm.indexOf(row), "marginMode"), m -> null));
        mode.setPrefWidth(64);
        mode.setId("col-marginMode");

        TableColumn<PositionRow, String> iso = numberColumn("Iso. margin", "isolatedMargin", 84,
                t -> Formats.isBlank(t) ? "" : fmt.money(fmt.parse(t)), this::isolatedMarginShown);
        iso.setGraphic(headerLabel("Iso. margin", "Margin posted to an isolated position; blank: entry notional / "
                + "leverage (shown in grey). Cross positions use the wallet."));
        iso.setText(null);
        TableColumn<PositionRow, String> extra = numberColumn("Extra", "extraMargin", 54,
                t -> Formats.isBlank(t) ? "" : fmt.money(fmt.parse(t)), this::extraMarginShown);
        extra.setGraphic(headerLabel("Extra", "Margin added to an isolated position after opening (negative: "
                + "removed)"));
        extra.setText(null);

        TableColumn<PositionRow, Object> inputs = new TableColumn<>("Inputs");
        inputs.getColumns().addAll(List.of(name, symbol, side, size, entry, lev, mode, iso, extra));
        return inputs;
    }

    /** The "Results" group, the headline first: at a narrow width the liquidation price stays in view. */
    TableColumn<PositionRow, Object> results() {
        TableColumn<PositionRow, Object> results = new TableColumn<>("Results");
        results.getColumns().addAll(List.of(
                resultColumn("Liq. price", Quantity.LIQUIDATION_PRICE, 84,
                        (row, r) -> r.liquidationPrice() == null ? "none" : fmt.price(r.liquidationPrice(), mark(row)),
                        r -> "liq-price"),
                resultColumn("Dist.", Quantity.DISTANCE_TO_LIQUIDATION, 60,
                        (row, r) -> fmt.percent(r.distanceToLiquidation(), 2), PositionColumns::distanceClass),
                resultColumn("uPnL", Quantity.UNREALIZED_PNL, 78,
                        (row, r) -> Amounts.signed(fmt, r.unrealizedPnl(), r.marginAsset()),
                        r -> pnlClass(r.unrealizedPnl())),
                resultColumn("ROE", Quantity.ROE, 62,
                        (row, r) -> fmt.signedPercent(r.roe(), 2), r -> pnlClass(r.roe())),
                resultColumn("Notional", Quantity.NOTIONAL, ColumnFit.CONTENT_WIDTH,
                        (row, r) -> Amounts.money(fmt, r.notional(), r.marginAsset()), r -> null),
                resultColumn("IM", Quantity.INITIAL_MARGIN, 66,
                        (row, r) -> Amounts.money(fmt, r.initialMargin(), r.marginAsset()), r -> null),
                resultColumn("MM", Quantity.MAINTENANCE_MARGIN, 58,
                        (row, r) -> Amounts.money(fmt, r.maintenanceMargin(), r.marginAsset()), r -> null),
                resultColumn("Bankr.", Quantity.BANKRUPTCY_PRICE, ColumnFit.CONTENT_WIDTH,
                        (row, r) -> r.bankruptcyPrice() == null ? "none" : fmt.price(r.bankruptcyPrice(), mark(row)),
                        r -> null),
                adlColumn()));
        return results;
    }

    private double mark(PositionRow row) {
        Double m = vm.market(row.symbolProperty().get()).map(x -> fmt.parse(x.markPriceProperty().get())).orElse(null);
        if (m == null) {
            m = fmt.parse(row.entryPriceProperty().get());
        }
        return m == null ? 0 : m;
    }

    private static String pnlClass(double v) {
        return v > 0 ? "positive" : v < 0 ? "negative" : null;
    }

    private static String distanceClass(PositionRisk r) {
        Double d = r.distanceToLiquidation();
        if (d == null) {
            return null;
        }
        return d < RiskPolicy.DANGER_DISTANCE ? "danger" : d < RiskPolicy.WARNING_DISTANCE ? "caution" : null;
    }

    private static Label headerLabel(String text, String tip) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        LazyTooltip.install(l, tip); // made on first hover: 11 popups fewer at start
        return l;
    }

    /** Blank on an isolated position: the margin it gets (entry notional / leverage), in grey; cross: not used. */
    private EditableTextCell.Shown isolatedMarginShown(PositionRow row, String text) {
        if (row.marginModeProperty().get() != MarginMode.ISOLATED) {
            return new EditableTextCell.Shown(Formats.isBlank(text) ? "" : fmt.money(fmt.parse(text)), "inapplicable");
        }
        if (Formats.isBlank(text) && row.getRisk() != null) {
            return new EditableTextCell.Shown(Amounts.money(fmt, row.getRisk().initialMargin(),
                    row.getRisk().marginAsset()), "derived");
        }
        return null;
    }

    private EditableTextCell.Shown extraMarginShown(PositionRow row, String text) {
        if (row.marginModeProperty().get() != MarginMode.ISOLATED) {
            return new EditableTextCell.Shown(Formats.isBlank(text) ? "" : fmt.money(fmt.parse(text)), "inapplicable");
        }
        return null;
    }

    /** A number input; {@code rowDisplay}, if any, may show something else than the typed text (grey, derived). */
    private TableColumn<PositionRow, String> numberColumn(String title, String field, double width,
                                                          UnaryOperator<String> display,
                                                          BiFunction<PositionRow, String,
                                                                  EditableTextCell.Shown> rowDisplay) {
        TableColumn<PositionRow, String> col = new TableColumn<>(title);
        col.setId("col-" + field);
        col.setCellValueFactory(c -> c.getValue().numberField(field));
        Function<PositionRow, StringProperty> prop = r -> r.numberField(field);
        col.setCellFactory(c -> {
            EditableTextCell<PositionRow> cell = new EditableTextCell<>(vm, prop,
                    (row, i) -> FieldPaths.position(vm.indexOf(row), field), display, true);
            // during a playback the cell shows the simulated state, read-only and marked
            return cell.withRowDisplay(PositionRow::riskProperty, (row, text) -> {
                if (vm.isPlaybackShown()) {
                    String sim = SimulatedInputs.text(vm.context().getPortfolio(), row.getId(), field, fmt)
                            .orElse(Formats.NONE);
                    return new EditableTextCell.Shown(sim, SimulatedInputs.STYLE);
                }
                return rowDisplay == null ? null : rowDisplay.apply(row, text);
            });
        });
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }

    /** A result column: its id, tooltip and the quantity a click selects come from the result vocabulary. */
    private TableColumn<PositionRow, PositionRisk> resultColumn(String title, Quantity key, double width,
                                                                BiFunction<PositionRow, PositionRisk, String> text,
                                                                Function<PositionRisk, String> styleClass) {
        TableColumn<PositionRow, PositionRisk> col = new TableColumn<>();
        col.setGraphic(headerLabel(title, key.description()));
        col.setId("col-" + key.key());
        col.setEditable(false);
        col.setSortable(false);
        col.setPrefWidth(width);
        if (width == ColumnFit.CONTENT_WIDTH) {
            ColumnFit.sizedToContent(col);
        }
        col.setCellValueFactory(c -> c.getValue().riskProperty());
        col.setCellFactory(c -> new ResultCell(vm, key, text, styleClass, onResultClicked));
        return col;
    }

    private TableColumn<PositionRow, PositionRisk> adlColumn() {
        TableColumn<PositionRow, PositionRisk> col = new TableColumn<>();
        col.setGraphic(headerLabel("ADL", "Auto-deleveraging: where the position stands in its market's queue on its "
                + "side, among all traders (the stated population; ADL population… to change it). 5 lights = the top "
                + "fifth of the side's notional, first in line; none = losing or break-even, at the back"));
        col.setId("col-adl");
        col.setEditable(false);
        col.setSortable(false);
        col.setPrefWidth(58);
        col.setCellValueFactory(c -> c.getValue().riskProperty());
        col.setCellFactory(c -> new AdlCell(vm, onResultClicked));
        return col;
    }
}
