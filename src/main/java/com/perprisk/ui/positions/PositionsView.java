package com.perprisk.ui.positions;

import com.perprisk.ui.controls.ColumnFit;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.controls.TableKeys;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.Objects;

/**
 * The positions table: inputs on the left (symbol, side, size, entry, leverage, margin mode, isolated and extra
 * margin), each row's results on the right (notional, uPnL, ROE, IM, MM, liquidation and bankruptcy price, distance,
 * ADL lights). Selecting a row selects the position for the other panels; clicking a result selects that quantity.
 * The columns are built by {@link PositionColumns}.
 */
public final class PositionsView extends VBox {
    private final WorkspaceViewModel vm;
    /** Its minimum height: the headers, three rows and a sideways scroll bar, at any type size. */
    private final TableView<PositionRow> table = new TableView<>() {
        /** The skin's header row and sideways scroll bar, found once per skin (a lookup walks every cell). */
        private Node header;
        private ScrollBar sideways;

        {
            skinProperty().addListener(o -> {
                header = null;
                sideways = null;
            });
        }

        @Override
        protected double computeMinHeight(double width) {
            if (header == null || header.getParent() == null) {
                header = lookup(".column-header-background");
            }
            if (sideways == null || sideways.getParent() == null) {
                for (Node n : lookupAll(".scroll-bar")) {
                    if (n instanceof ScrollBar b && b.getOrientation() == Orientation.HORIZONTAL) {
                        sideways = b;
                    }
                }
            }
            // a dense table's rows have a fixed height (perprisk.css); without one, a row's own
            double rowHeight = getFixedCellSize() > 0 ? getFixedCellSize() : otherRowHeight();
            // room for the sideways scroll bar whether shown or not: showing it must not hide the third row
            double bar = sideways == null ? 14 : Math.max(14, sideways.prefHeight(-1));
            return snappedTopInset() + (header == null ? javafx.scene.text.Font.getDefault().getSize() * 4.8 : header.prefHeight(-1))
                    + MIN_ROWS * rowHeight + bar + snappedBottomInset() + 2;
        }

        private double otherRowHeight() {
            Node row = lookup(".table-row-cell");
            return row == null ? javafx.scene.text.Font.getDefault().getSize() * 2 : row.prefHeight(-1);
        }
    };
    /** Rows the table always shows (the split pane keeps this much room: SplitMinimums). */
    static final int MIN_ROWS = 3;
    private final AdlQueueViewModel adl;
    private boolean syncingSelection;
    private Runnable onResultClicked = () -> {
    };

    public PositionsView(WorkspaceViewModel vm) {
        this(vm, new AdlQueueViewModel(vm));
    }

    /** With the ADL ranking of {@code vm}'s positions made already (at start-up, off the FX thread). */
    public PositionsView(WorkspaceViewModel vm, AdlQueueViewModel adl) {
        if (adl.workspace() != vm) {
            throw new IllegalArgumentException("the ADL ranking of another workspace");
        }
        this.vm = vm;
        this.adl = adl;
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
        // the split pane never squeezes the table below its headers and three rows (the table's minimum height)
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
        LazyTooltip.install(b, tip);
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

        PositionColumns columns = new PositionColumns(vm, () -> onResultClicked.run());
        table.getColumns().addAll(List.of(columns.inputs(), columns.results()));
        ColumnShedding.install(table);

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
        if (!Objects.equals(id, vm.context().selectedPositionIdProperty().get())) {
            vm.context().selectedPositionIdProperty().set(id);
        }
    }

    /** For tests and the main window: the table's current selection. */
    public PositionRow selected() {
        return table.getSelectionModel().getSelectedItem();
    }

}
