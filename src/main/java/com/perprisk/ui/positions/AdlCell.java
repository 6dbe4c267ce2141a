package com.perprisk.ui.positions;

import com.perprisk.engine.adl.AdlQueue;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;
import com.perprisk.ui.common.AdlText;
import com.perprisk.ui.controls.CellTooltip;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.geometry.Pos;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/**
 * Five ADL lights: the position's standing in its market's queue on its side, among the stated population (none
 * lit for a losing or break-even position: it is at the back of the queue).
 */
final class AdlCell extends TableCell<PositionRow, PositionRisk> {
    private final WorkspaceViewModel vm;
    private final Circle[] lights = new Circle[5];
    private final HBox box = new HBox(2);
    private final Label none = new Label(Formats.NONE);
    private final CellTooltip tip = CellTooltip.onHover(this, null);
    private final InvalidationListener refresh = o -> updateItem(getItem(), isEmpty());
    private int shown = -1;

    AdlCell(WorkspaceViewModel vm, Runnable onClicked) {
        this.vm = vm;
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
                onClicked.run();
            }
        });
        vm.context().adlStandingsProperty().addListener(new WeakInvalidationListener(refresh));
    }

    @Override
    protected void updateItem(PositionRisk r, boolean empty) {
        super.updateItem(r, empty);
        AdlQueue.Standing st = empty || r == null ? null : vm.context().adlStandingsProperty().get().get(r.id());
        if (st == null) {
            setGraphic(empty ? null : none);
            tip.show(null);
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
        tip.show(AdlText.standing(vm.formats(), st) + "\nRanked against "
                + vm.context().adlPopulationProperty().get());
    }

    /** The lights shown, for tests. */
    int lit() {
        return shown;
    }
}
