package com.perprisk.ui.positions;

import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.ui.controls.CellTooltip;
import com.perprisk.ui.controls.ColumnFit;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.playback.SimulatedInputs;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.input.MouseEvent;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/** A computed number of the positions table; clicking it selects that quantity for the explain panel. */
final class ResultCell extends TableCell<PositionRow, PositionRisk> {
    private final WorkspaceViewModel vm;
    private final Quantity key;
    private final BiFunction<PositionRow, PositionRisk, String> text;
    private final Function<PositionRisk, String> styleClass;
    private final Runnable onClicked;
    /** Made on the first hover: no result cell shows one in the first frame (a Tooltip per cell was 164 popups). */
    private final CellTooltip tip = CellTooltip.onHover(this, null);
    private String applied;

    ResultCell(WorkspaceViewModel vm, Quantity key, BiFunction<PositionRow, PositionRisk, String> text,
               Function<PositionRisk, String> styleClass, Runnable onClicked) {
        this.vm = vm;
        this.key = key;
        this.text = text;
        this.styleClass = styleClass;
        this.onClicked = onClicked;
        getStyleClass().addAll("result-cell", "number-cell");
        setAlignment(Pos.CENTER_RIGHT);
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> select());
        ColumnFit.watch(this);
    }

    private void select() {
        if (!isEmpty() && getTableRow() != null && getTableRow().getItem() != null) {
            // the clicked row's position, whatever the table thought was selected before (a load keeps rows)
            vm.context().selectedPositionIdProperty().set(getTableRow().getItem().getId());
            vm.context().selectedQuantityProperty().set(key);
            onClicked.run();
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
                + vm.formats().percent(r.maintenanceMarginRate(), 3) : null);
    }

    /** Changes the style class and tooltip only when they differ (each change costs a CSS pass). */
    private void show(String cls, String tooltip) {
        if (!Objects.equals(cls, applied)) {
            if (applied != null) {
                getStyleClass().remove(applied);
            }
            if (cls != null) {
                getStyleClass().add(cls);
            }
            applied = cls;
        }
        tip.show(tooltip);
    }
}
