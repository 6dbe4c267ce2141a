package com.perprisk.ui;

import com.perprisk.ui.workspace.InputProblem;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.util.List;

/**
 * The main window's status line: the first problem (red) or engine warning (amber), otherwise how many positions
 * and markets there are (while a document is being opened, which one); on the right the time the last calculation
 * took, from the first edit on.
 */
final class StatusBar extends HBox {
    private final WorkspaceViewModel vm;
    private final Label status = new Label();
    private final Label timing = new Label();

    StatusBar(WorkspaceViewModel vm) {
        this.vm = vm;
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(status, spacer, timing);
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        status.setId("status-text");
        timing.setId("status-timing");
        status.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(status, Priority.ALWAYS);

        status.textProperty().bind(Bindings.createStringBinding(this::statusText, vm.context().problemProperty(),
                vm.warningsProperty(), vm.positions(), vm.markets(), vm.problems(), vm.context().riskProperty(),
                vm.files().openingProperty()));
        vm.context().problemProperty().addListener((obs, o, n) -> styleStatus());
        vm.warningsProperty().addListener((obs, o, n) -> styleStatus());
        styleStatus();
        // the first calculation pays for class loading: show the time from the first edit on
        timing.textProperty().bind(Bindings.createStringBinding(() -> vm.canUndoProperty().get()
                || vm.canRedoProperty().get() ? String.format("calc %.2f ms",
                vm.lastRecomputeNanosProperty().get() / 1e6) : "", vm.lastRecomputeNanosProperty(),
                vm.canUndoProperty(), vm.canRedoProperty()));
    }

    private String statusText() {
        String opening = vm.files().openingProperty().get();
        if (opening != null) {
            return "Opening " + opening + "…";
        }
        String problem = vm.context().problemProperty().get();
        if (problem != null && !problem.isEmpty()) {
            long more = vm.problems().values().stream().filter(InputProblem::error).count() - 1;
            return (vm.context().getRisk() == null ? "No results: " : "Results that depend on it show —: ") + problem
                    + (more > 0 ? "  (+" + more + " more, marked in red)" : "");
        }
        List<String> warnings = vm.warningsProperty().get();
        if (warnings != null && !warnings.isEmpty()) {
            return "⚠ " + warnings.get(0) + (warnings.size() > 1 ? "  (+" + (warnings.size() - 1) + " more)" : "");
        }
        int n = vm.positions().size();
        return n + (n == 1 ? " position" : " positions") + " · " + vm.markets().size()
                + (vm.markets().size() == 1 ? " market" : " markets");
    }

    private void styleStatus() {
        status.getStyleClass().removeAll("status-problem", "status-warning");
        String problem = vm.context().problemProperty().get();
        if (problem != null && !problem.isEmpty()) {
            status.getStyleClass().add("status-problem");
        } else if (!vm.warningsProperty().get().isEmpty()) {
            status.getStyleClass().add("status-warning");
        }
    }
}
