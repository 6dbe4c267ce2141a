package com.perprisk.ui.positions;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlQueue;
import com.perprisk.ui.common.AdlText;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.ui.controls.ChoiceCell;
import com.perprisk.ui.controls.ColumnFit;
import com.perprisk.ui.controls.EditableTextCell;
import com.perprisk.ui.controls.TableKeys;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.playback.SimulatedInputs;
import com.perprisk.ui.workspace.FieldPaths;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import java.util.List;
import java.util.function.Function;

/**
 * The positions table: inputs on the left (symbol, side, size, entry, leverage, margin mode, isolated and extra
 * margin), each row's results on the right (notional, uPnL, ROE, IM, MM, liquidation and bankruptcy price, distance,
 * ADL lights). Selecting a row selects the position for the other panels; clicking a result selects that quantity.
 */
public final class PositionsView extends VBox {
    private final WorkspaceViewModel vm;
    private final Formats fmt;
    private final TableView<PositionRow> table = new TableView<>();
    private final AdlQueueViewModel adl;
    private boolean syncingSelection;
    private Runnable onResultClicked = () -> {
    };

    public PositionsView(WorkspaceViewModel vm) {
        this.vm = vm;
        this.fmt = vm.formats();
        this.adl = new AdlQueueViewModel(vm);
        getStyleClass().add("positions-view");
        setId("positions");

        Label title = new Label("Positions");
        title.getStyleClass().add("section-title");
        Button add = toolButton("+ Add", "Add a position (Ctrl+Shift+N)", this::addPosition);
        add.setId("add-position");
        Button dup = toolButton("Duplicate", "Duplicate the selected position (Ctrl+D)", this::duplicateSelected);
        dup.setId("duplicate-position");
        Button remove = toolButton("Remove", "Remove the selected position (Ctrl+Delete)", this::removeSelected);
        remove.setId("remove-position");
        dup.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button population = toolButton("ADL population…", "Whom the ADL lights rank against", this::editPopulation);
        population.setId("adl-population");
        HBox header = new HBox(8, title, spacer, population, add, dup, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("section-header");

        buildTable();
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, table);
        // the split pane never squeezes the table below its headers and three rows: -fx-min-height in
        // perprisk.css (in em, so it follows the presentation size)
        setPadding(new Insets(0));
    }

    /** What to do after a result was clicked and selected (the window shows its working). */
    public void setOnResultClicked(Runnable action) {
        this.onResultClicked = action == null ? () -> {
        } : action;
    }

    public TableView<PositionRow> table() {
        return table;
    }

    private static Button toolButton(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.getStyleClass().addAll("small", "flat");
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        return b;
    }

    public void addPosition() {
        PositionRow row = vm.addPosition();
        selectRow(row);
        table.scrollTo(row);
        table.requestFocus();
    }

    /** Shows and changes the population the ADL lights rank against. */
    public void editPopulation() {
        AdlPopulationDialog.show(getScene() == null ? null : getScene().getWindow(),
                vm.context().adlPopulationProperty().get(), adl.seed(), adl.perSide())
                .ifPresent(c -> adl.setGenerated(c.seed(), c.perSide()));
    }

    /** The ADL ranking of the positions. */
    public AdlQueueViewModel adl() {
        return adl;
    }

    public void duplicateSelected() {
        PositionRow sel = table.getSelectionModel().getSelectedItem();
        if (sel != null) {
            selectRow(vm.duplicatePosition(sel));
        }
    }

    public void removeSelected() {
        PositionRow sel = table.getSelectionModel().getSelectedItem();
        if (sel != null) {
            int index = vm.indexOf(sel);
            vm.removePosition(sel);
            if (!vm.positions().isEmpty()) {
                selectRow(vm.positions().get(Math.min(index, vm.positions().size() - 1)));
            }
        }
    }

    /** Empties the focused input cell (a number or the ID); a choice or a result has nothing to clear. */
    @SuppressWarnings("unchecked")
    private void clearFocusedCell() {
        var pos = table.getFocusModel().getFocusedCell();
        if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) {
            return;
        }
        PositionRow row = table.getItems().get(pos.getRow());
        String id = pos.getTableColumn().getId();
        if (id != null && id.startsWith("col-") && !id.equals("col-id")) {
            try {
                row.numberField(id.substring(4)).set("");
            } catch (IllegalArgumentException notANumber) {
                // a choice or a result column
            }
        }
    }

    /** Selects a row at its first column and focuses it (the table selects cells). */
    private void selectRow(PositionRow row) {
        int i = vm.indexOf(row);
        if (i >= 0) {
            table.getSelectionModel().clearAndSelect(i, table.getVisibleLeafColumn(0));
            table.getFocusModel().focus(i, table.getVisibleLeafColumn(0));
        }
    }

    private void buildTable() {
        table.setId("positions-table");
        table.setItems(vm.positions());
        table.setEditable(true);
        // a playback shows the simulated state: nothing to edit until it stops
        vm.context().portfolioProperty().addListener(o -> table.setEditable(!vm.isPlaybackShown()));
        table.getStyleClass().addAll("dense", "positions-table");
        table.setPlaceholder(new Label("No positions. Add one with + Add or Ctrl+Shift+N."));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableKeys.install(table);
        vm.loadsProperty().addListener(o -> ColumnFit.reset(table));
        // Delete clears the focused cell (like a spreadsheet); removing a position is its own command, Ctrl+Delete
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (table.getEditingCell() != null || e.getCode() != KeyCode.DELETE) {
                return;
            }
            if (e.isShortcutDown()) {
                removeSelected();
            } else {
                clearFocusedCell();
            }
            e.consume();
        });

        TableColumn<PositionRow, String> name = new TableColumn<>("ID");
        name.setId("col-id");
        name.setCellValueFactory(c -> c.getValue().idProperty());
        name.setCellFactory(c -> new EditableTextCell<>(vm, PositionRow::idProperty,
                (row, i) -> FieldPaths.position(vm.indexOf(row), "id"), t -> t, false));
        name.setPrefWidth(72);
        name.setSortable(false);

        TableColumn<PositionRow, String> symbol = new TableColumn<>("Symbol");
        symbol.setCellValueFactory(c -> c.getValue().symbolProperty());
        symbol.setCellFactory(c -> new ChoiceCell<>(vm, vm.symbols(), new javafx.util.converter.DefaultStringConverter(),
                (row, i) -> FieldPaths.position(vm.indexOf(row), "symbol"), s -> null));
        symbol.setPrefWidth(80);
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
                t -> fmt.quantity(fmt.parse(t), 6));
        TableColumn<PositionRow, String> entry = numberColumn("Entry", "entryPrice", 70,
                t -> fmt.quantity(fmt.parse(t), 8));
        TableColumn<PositionRow, String> lev = numberColumn("Lev.", "leverage", 44,
                t -> Formats.isBlank(t) ? "" : fmt.quantity(fmt.parse(t), 2) + "×");

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

        TableColumn<PositionRow, Object> results = new TableColumn<>("Results");
        // the headline first: at a narrow width the liquidation price stays in view
        results.getColumns().addAll(List.of(
                resultColumn("Liq. price", Quantity.LIQUIDATION_PRICE, 84,
                        (row, r) -> r.liquidationPrice() == null ? "none" : fmt.price(r.liquidationPrice(), mark(row)),
                        r -> "liq-price"),
                resultColumn("Dist.", Quantity.DISTANCE_TO_LIQUIDATION, 60,
                        (row, r) -> fmt.percent(r.distanceToLiquidation(), 2), this::distanceClass),
                resultColumn("uPnL", Quantity.UNREALIZED_PNL, 78,
                        (row, r) -> Amounts.signed(fmt, r.unrealizedPnl(), r.marginAsset()), r -> pnlClass(r.unrealizedPnl())),
                resultColumn("ROE", Quantity.ROE, 62,
                        (row, r) -> fmt.signedPercent(r.roe(), 2), r -> pnlClass(r.roe())),
                resultColumn("Notional", Quantity.NOTIONAL, 80,
                        (row, r) -> Amounts.money(fmt, r.notional(), r.marginAsset()), r -> null),
                resultColumn("IM", Quantity.INITIAL_MARGIN, 66,
                        (row, r) -> Amounts.money(fmt, r.initialMargin(), r.marginAsset()), r -> null),
                resultColumn("MM", Quantity.MAINTENANCE_MARGIN, 58,
                        (row, r) -> Amounts.money(fmt, r.maintenanceMargin(), r.marginAsset()), r -> null),
                resultColumn("Bankr.", Quantity.BANKRUPTCY_PRICE, 80,
                        (row, r) -> r.bankruptcyPrice() == null ? "none" : fmt.price(r.bankruptcyPrice(), mark(row)),
                        r -> null),
                adlColumn()));

        table.getColumns().addAll(List.of(inputs, results));

        table.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> publishSelection());
        // loading a document (or undo) reuses the rows: the selected row may now hold another position
        vm.loadsProperty().addListener(o -> publishSelection());
        vm.context().riskProperty().addListener(o -> publishSelection());
        vm.context().selectedPositionIdProperty().addListener((obs, o, id) -> {
            PositionRow sel = table.getSelectionModel().getSelectedItem();
            if (id == null || sel != null && id.equals(sel.getId())) {
                return;
            }
            vm.positions().stream().filter(p -> id.equals(p.getId())).findFirst().ifPresent(p -> {
                syncingSelection = true;
                try {
                    selectRow(p);
                } finally {
                    syncingSelection = false;
                }
            });
        });
    }

    /** Tells the other panels which position the table has selected. */
    private void publishSelection() {
        if (syncingSelection) {
            return;
        }
        PositionRow n = table.getSelectionModel().getSelectedItem();
        String id = n == null ? null : n.getId();
        if (!java.util.Objects.equals(id, vm.context().selectedPositionIdProperty().get())) {
            vm.context().selectedPositionIdProperty().set(id);
        }
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

    private String distanceClass(PositionRisk r) {
        Double d = r.distanceToLiquidation();
        if (d == null) {
            return null;
        }
        return d < com.perprisk.engine.RiskPolicy.DANGER_DISTANCE ? "danger"
                : d < com.perprisk.engine.RiskPolicy.WARNING_DISTANCE ? "caution" : null;
    }

    private static Label headerLabel(String text, String tip) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    /** Blank on an isolated position: the margin it gets (entry notional / leverage), in grey; cross: not used. */
    private EditableTextCell.Shown isolatedMarginShown(PositionRow row, String text) {
        if (row.marginModeProperty().get() != MarginMode.ISOLATED) {
            return new EditableTextCell.Shown(Formats.isBlank(text) ? "" : fmt.money(fmt.parse(text)), "inapplicable");
        }
        if (Formats.isBlank(text) && row.getRisk() != null) {
            return new EditableTextCell.Shown(Amounts.money(fmt, row.getRisk().initialMargin(), row.getRisk().marginAsset()), "derived");
        }
        return null;
    }

    private EditableTextCell.Shown extraMarginShown(PositionRow row, String text) {
        if (row.marginModeProperty().get() != MarginMode.ISOLATED) {
            return new EditableTextCell.Shown(Formats.isBlank(text) ? "" : fmt.money(fmt.parse(text)), "inapplicable");
        }
        return null;
    }

    private TableColumn<PositionRow, String> numberColumn(String title, String field, double width,
                                                          java.util.function.UnaryOperator<String> display) {
        return numberColumn(title, field, width, display, null);
    }

    private TableColumn<PositionRow, String> numberColumn(String title, String field, double width,
                                                          java.util.function.UnaryOperator<String> display,
                                                          java.util.function.BiFunction<PositionRow, String,
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
                                                                java.util.function.BiFunction<PositionRow, PositionRisk, String> text,
                                                                Function<PositionRisk, String> styleClass) {
        TableColumn<PositionRow, PositionRisk> col = new TableColumn<>();
        col.setGraphic(headerLabel(title, key.description()));
        col.setId("col-" + key.key());
        col.setEditable(false);
        col.setSortable(false);
        col.setPrefWidth(width);
        col.setCellValueFactory(c -> c.getValue().riskProperty());
        col.setCellFactory(c -> new ResultCell(key, text, styleClass));
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
        col.setCellFactory(c -> new AdlCell());
        return col;
    }

    /** A computed number; clicking it selects that quantity for the explain panel. */
    private final class ResultCell extends TableCell<PositionRow, PositionRisk> {
        private final Quantity key;
        private final java.util.function.BiFunction<PositionRow, PositionRisk, String> text;
        private final Function<PositionRisk, String> styleClass;
        private final Tooltip tip = new Tooltip();
        private String applied;

        ResultCell(Quantity key, java.util.function.BiFunction<PositionRow, PositionRisk, String> text,
                   Function<PositionRisk, String> styleClass) {
            this.key = key;
            this.text = text;
            this.styleClass = styleClass;
            getStyleClass().addAll("result-cell", "number-cell");
            setAlignment(Pos.CENTER_RIGHT);
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> select());
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            ColumnFit.fit(this);
        }

        private void select() {
            if (!isEmpty() && getTableRow() != null && getTableRow().getItem() != null) {
                // the clicked row's position, whatever the table thought was selected before (a load keeps rows)
                vm.context().selectedPositionIdProperty().set(getTableRow().getItem().getId());
                vm.context().selectedQuantityProperty().set(key);
                onResultClicked.run();
            }
        }

        @Override
        protected void updateItem(PositionRisk r, boolean empty) {
            super.updateItem(r, empty);
            PositionRow row = getTableRow() == null ? null : getTableRow().getItem();
            if (empty || row == null) {
                setText(null);
                show(null, null);
                return;
            }
            String note = r == null ? vm.context().playbackNotesProperty().get().get(row.getId()) : null;
            if (note != null) { // closed by the playback's liquidation: say when and where, not "—"
                setText(key == Quantity.LIQUIDATION_PRICE ? note : Formats.NONE);
                show(SimulatedInputs.STYLE, note);
                return;
            }
            if (r == null) {
                setText(Formats.NONE);
                String why = row.notComputedReason();
                show("not-computed", why == null || why.isEmpty() ? null : "Not computed: " + why);
                return;
            }
            setText(text.apply(row, r));
            show(styleClass.apply(r), key == Quantity.MAINTENANCE_MARGIN ? "Bracket " + r.bracket() + ", MMR "
                    + fmt.percent(r.maintenanceMarginRate(), 3) : null);
        }

        /** Changes the style class and tooltip only when they differ (each change costs a CSS pass). */
        private void show(String cls, String tooltip) {
            if (!java.util.Objects.equals(cls, applied)) {
                if (applied != null) {
                    getStyleClass().remove(applied);
                }
                if (cls != null) {
                    getStyleClass().add(cls);
                }
                applied = cls;
            }
            if (tooltip == null) {
                if (getTooltip() != null) {
                    setTooltip(null);
                }
            } else {
                tip.setText(tooltip);
                if (getTooltip() != tip) {
                    setTooltip(tip);
                }
            }
        }
    }

    /**
     * Five ADL lights: the position's standing in its market's queue on its side, among the stated population (none
     * lit for a losing or break-even position: it is at the back of the queue).
     */
    private final class AdlCell extends TableCell<PositionRow, PositionRisk> {
        private final Circle[] lights = new Circle[5];
        private final HBox box = new HBox(2);
        private final Label none = new Label(Formats.NONE);
        private final Tooltip tip = new Tooltip();
        private int shown = -1;

        AdlCell() {
            getStyleClass().add("adl-cell");
            for (int i = 0; i < 5; i++) {
                lights[i] = new Circle(4);
                lights[i].getStyleClass().add("adl-light");
                box.getChildren().add(lights[i]);
            }
            box.setAlignment(Pos.CENTER);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            setAlignment(Pos.CENTER);
            addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
                if (!isEmpty() && getItem() != null) {
                    vm.context().selectedPositionIdProperty().set(getItem().id());
                    vm.context().selectedQuantityProperty().set(Quantity.ADL_SCORE);
                    onResultClicked.run();
                }
            });
            vm.context().adlStandingsProperty().addListener(new javafx.beans.WeakInvalidationListener(refresh));
        }

        private final javafx.beans.InvalidationListener refresh = o -> updateItem(getItem(), isEmpty());

        @Override
        protected void updateItem(PositionRisk r, boolean empty) {
            super.updateItem(r, empty);
            AdlQueue.Standing st = empty || r == null ? null : vm.context().adlStandingsProperty().get().get(r.id());
            if (st == null) {
                setGraphic(empty ? null : none);
                setTooltip(null);
                return;
            }
            int q = st.lights();
            if (q != shown) {
                for (int i = 0; i < 5; i++) {
                    lights[i].getStyleClass().removeAll("lit", "lit-1", "lit-2", "lit-3", "lit-4", "lit-5");
                    if (i < q) {
                        lights[i].getStyleClass().addAll("lit", "lit-" + q);
                    }
                }
                shown = q;
            }
            setGraphic(box);
            tip.setText(AdlText.standing(fmt, st) + "\nRanked against " + vm.context().adlPopulationProperty().get());
            if (getTooltip() != tip) {
                setTooltip(tip);
            }
        }

        /** The lights shown, for tests. */
        int lit() {
            return shown;
        }
    }

    /** For tests and the main window: the table's current selection. */
    public PositionRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

}
