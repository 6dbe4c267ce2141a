package com.perprisk.ui.controls;

import com.perprisk.ui.workspace.InputProblem;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.collections.MapChangeListener;
import javafx.collections.WeakMapChangeListener;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.decoration.CompoundValidationDecoration;
import org.controlsfx.validation.decoration.GraphicValidationDecoration;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;
import org.controlsfx.validation.decoration.ValidationDecoration;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Marks a field or table cell that has an input problem with ControlsFX validation decorations: a style class
 * ("error" / "warning") and, for form fields, ControlsFX's error graphic; the message is the tooltip.
 */
public final class FieldDecorations {
    /** Style class of an invalid field or cell. */
    public static final String ERROR = "error";
    /** Style class of a field or cell with a warning. */
    public static final String WARNING = "warning";
    private static final String STATE_KEY = "perprisk.decoration";

    private static final ValidationDecoration FIELD = new CompoundValidationDecoration(
            new StyleClassValidationDecoration(ERROR, WARNING), new GraphicValidationDecoration());
    private static final ValidationDecoration CELL = new StyleClassValidationDecoration(ERROR, WARNING);

    private FieldDecorations() {
    }

    /** Keeps a form field decorated with the problem at a path (the path may change, e.g. with the selection). */
    public static void bind(Control field, WorkspaceViewModel vm, Supplier<String> path) {
        MapChangeListener<String, InputProblem> listener = c -> apply(field, vm, path.get(), FIELD);
        field.getProperties().put("perprisk.decoration.listener", listener);
        vm.problems().addListener(new WeakMapChangeListener<>(listener));
        field.sceneProperty().addListener((obs, o, n) -> {
            if (n != null) {
                apply(field, vm, path.get(), FIELD);
            }
        });
        apply(field, vm, path.get(), FIELD);
    }

    /** Re-applies a form field's decoration now (after its path changed). */
    public static void refresh(Control field, WorkspaceViewModel vm, String path) {
        apply(field, vm, path, FIELD);
    }

    /** Decorates a table cell for the problem at a path, or clears it (path null: an empty cell). */
    public static void decorateCell(Control cell, WorkspaceViewModel vm, String path) {
        apply(cell, vm, path, CELL);
    }

    private static void apply(Control c, WorkspaceViewModel vm, String path, ValidationDecoration decoration) {
        InputProblem p = path == null ? null : vm.problems().get(path);
        Object state = p == null ? null : (p.error() ? "E:" : "W:") + p.message();
        if (Objects.equals(c.getProperties().get(STATE_KEY), state)) {
            return;
        }
        c.getProperties().put(STATE_KEY, state);
        decoration.removeDecorations(c);
        c.getStyleClass().removeAll(ERROR, WARNING);
        if (p == null) {
            if (c.getTooltip() != null && Boolean.TRUE.equals(c.getTooltip().getProperties().get(STATE_KEY))) {
                c.setTooltip(null);
            }
            return;
        }
        decoration.applyValidationDecoration(p.error() ? ValidationMessage.error(c, p.message())
                : ValidationMessage.warning(c, p.message()));
        Tooltip tip = new Tooltip(p.message());
        tip.getProperties().put(STATE_KEY, Boolean.TRUE);
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        c.setTooltip(tip);
    }

    /** The problem message a control currently shows, or null. */
    public static String messageOf(Control c) {
        Object s = c.getProperties().get(STATE_KEY);
        return s == null ? null : s.toString().substring(2);
    }
}
