package com.perprisk.ui.live;

import com.perprisk.ui.controls.CellTooltip;
import com.perprisk.ui.controls.LazyTooltip;
import com.perprisk.ui.workspace.MarketRow;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The markets table's "Data" cell: the age of the market's data (or "typed"), a badge when its tier table is a dated
 * preset, ⚠ with the message when its last refresh failed, and a one-click refresh.
 */
final class LiveCell extends TableCell<MarketRow, RowState> {
    private final LiveViewModel vm;
    private final Label age = new Label();
    private final Label badge = new Label();
    private final Button refresh = new Button("⟳");
    private final HBox box;
    /** One tooltip per cell, made on first use: every edit updates the cell (a new Tooltip each time was costly). */
    private final CellTooltip tip = new CellTooltip(this, t -> {
        t.setWrapText(true);
        t.setMaxWidth(520);
    });

    LiveCell(LiveViewModel vm) {
        this.vm = vm;
        getStyleClass().add("live-cell");
        age.getStyleClass().add("live-age");
        age.setMinWidth(Region.USE_PREF_SIZE);
        badge.getStyleClass().add("live-badge");
        badge.setMinWidth(Region.USE_PREF_SIZE);
        refresh.getStyleClass().addAll("flat", "small", "live-refresh");
        refresh.setFocusTraversable(false);
        LazyTooltip.install(refresh, "Fetch this market from its venue again (F5)");
        refresh.disableProperty().bind(vm.busyProperty());
        refresh.setOnAction(e -> {
            if (getTableRow() != null && getTableRow().getItem() != null) {
                vm.refresh(getTableRow().getItem());
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new HBox(4, age, badge, spacer, refresh);
        box.setAlignment(Pos.CENTER_LEFT);
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    /** The "Data" column, updated whenever the live state changes. */
    static TableColumn<MarketRow, RowState> column(LiveViewModel vm) {
        TableColumn<MarketRow, RowState> col = new TableColumn<>("Data");
        col.setId("market-col-live");
        col.setSortable(false);
        col.setEditable(false);
        col.setPrefWidth(140);
        col.setMinWidth(100);
        col.setCellValueFactory(c -> Bindings.createObjectBinding(() -> vm.state(c.getValue()), vm.revisionProperty(),
                c.getValue().symbolProperty(), c.getValue().conventionProperty(), vm.errors()));
        col.setCellFactory(c -> new LiveCell(vm));
        return col;
    }

    @Override
    protected void updateItem(RowState s, boolean empty) {
        super.updateItem(s, empty);
        getStyleClass().removeAll("live-error", "live-old");
        if (empty || s == null) {
            setGraphic(null);
            tip.show(null);
            setText(null);
            return;
        }
        age.setText(s.error() != null ? "⚠ refresh failed" : s.age());
        badge.setText(s.badge());
        badge.setVisible(!s.badge().isEmpty());
        badge.setManaged(!s.badge().isEmpty());
        if (s.error() != null) {
            getStyleClass().add("live-error");
        } else if (s.old()) {
            getStyleClass().add("live-old");
        }
        tip.show(s.tooltip());
        setGraphic(box);
        setText(s.error() != null ? "⚠ refresh failed" : s.age());
    }
}
