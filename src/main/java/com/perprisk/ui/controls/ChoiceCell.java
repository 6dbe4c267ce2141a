package com.perprisk.ui.controls;

import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A choice (enum or symbol) in a table cell, with the validation decoration of its field path and a style class per
 * value (e.g. "long" / "short").
 *
 * @param <S> row type
 * @param <T> value type
 */
public class ChoiceCell<S, T> extends ComboBoxTableCell<S, T> {
    private final WorkspaceViewModel vm;
    private final BiFunction<S, Integer, String> path;
    private final Function<T, String> styleClass;
    private final InvalidationListener problemsChanged = o -> decorate();
    private String appliedClass;

    public ChoiceCell(WorkspaceViewModel vm, ObservableList<T> items, StringConverter<T> converter,
                      BiFunction<S, Integer, String> path, Function<T, String> styleClass) {
        super(converter, items);
        this.vm = vm;
        this.path = path;
        this.styleClass = styleClass;
        setComboBoxEditable(false);
        getStyleClass().add("choice-cell");
        vm.problems().addListener(new WeakInvalidationListener(problemsChanged));
    }

    @Override
    public void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (appliedClass != null) {
            getStyleClass().remove(appliedClass);
            appliedClass = null;
        }
        if (!empty && item != null && styleClass != null) {
            appliedClass = styleClass.apply(item);
            if (appliedClass != null) {
                getStyleClass().add(appliedClass);
            }
        }
        decorate();
    }

    private void decorate() {
        S row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
        FieldDecorations.decorateCell(this, vm, row == null ? null : path.apply(row, getIndex()));
    }

    /** A converter that shows enum constants in words ("ONE_WAY" → "One-way"). */
    public static <E extends Enum<E>> StringConverter<E> enumConverter(Function<E, String> label, List<E> values) {
        return new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : label.apply(e);
            }

            @Override
            public E fromString(String s) {
                return values.stream().filter(v -> label.apply(v).equals(s)).findFirst().orElse(null);
            }
        };
    }
}
