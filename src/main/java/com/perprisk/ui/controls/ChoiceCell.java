package com.perprisk.ui.controls;

import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A choice (enum or symbol) in a table cell, with the validation decoration of its field path and a style class per
 * value (e.g. "long" / "short"). Keyboard first: Enter, F2 or Space opens the list, the arrows move in it, Enter
 * picks and Escape cancels; the keyboard then stays on the cell (never jumps to another field).
 *
 * @param <S> row type
 * @param <T> value type
 */
public class ChoiceCell<S, T> extends TableCell<S, T> {
    private final WorkspaceViewModel vm;
    private final ObservableList<T> items;
    private final StringConverter<T> converter;
    private final BiFunction<S, Integer, String> path;
    private final Function<T, String> styleClass;
    private final InvalidationListener problemsChanged = o -> decorate();
    private ComboBox<T> combo;
    private String appliedClass;

    public ChoiceCell(WorkspaceViewModel vm, ObservableList<T> items, StringConverter<T> converter,
                      BiFunction<S, Integer, String> path, Function<T, String> styleClass) {
        this.vm = vm;
        this.items = items;
        this.converter = converter;
        this.path = path;
        this.styleClass = styleClass;
        getStyleClass().add("choice-cell");
        vm.problems().addListener(new WeakInvalidationListener(problemsChanged));
        ColumnFit.watch(this);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!isEditing() && e.getCode() == KeyCode.SPACE && getTableView() != null) {
                getTableView().edit(getIndex(), getTableColumn());
                e.consume();
            }
        });
    }

    @Override
    public void startEdit() {
        if (isEmpty() || getTableRow() == null || getTableRow().getItem() == null) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        ComboBox<T> box = new ComboBox<>(items);
        combo = box;
        box.setConverter(converter);
        box.getStyleClass().add("cell-choice");
        box.setMaxWidth(Double.MAX_VALUE);
        box.setMinWidth(Region.USE_PREF_SIZE);
        box.getSelectionModel().select(getItem());
        int row = getIndex();
        TableColumn<S, T> column = getTableColumn();
        TableView<S> table = getTableView();
        box.setOnAction(e -> {
            if (isEditing() && combo == box && !box.isShowing()) {
                commitEdit(box.getValue());
                TableKeys.focusCell(table, row, column);
            }
        });
        box.setOnHidden(e -> {
            if (isEditing() && combo == box) {
                commitEdit(box.getValue());
                TableKeys.focusCell(table, row, column);
            }
        });
        box.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                box.getSelectionModel().select(getItem());
                cancelEdit();
                TableKeys.focusCell(table, row, column);
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                commitEdit(box.getValue());
                TableKeys.focusCell(table, row, column);
                if (e.isShiftDown()) {
                    table.getFocusModel().focusLeftCell();
                } else {
                    table.getFocusModel().focusRightCell();
                }
                var pos = table.getFocusModel().getFocusedCell();
                TableKeys.focusCell(table, pos.getRow(), pos.getTableColumn());
                e.consume();
            }
        });
        setText(null);
        setGraphic(box);
        box.requestFocus();
        // open the list once the box is in the scene, so the arrows move in it and Enter picks
        Platform.runLater(() -> {
            if (combo == box && isEditing() && box.getScene() != null) {
                box.requestFocus();
                box.show();
            }
        });
    }

    @Override
    public void commitEdit(T value) {
        ComboBox<T> box = combo;
        combo = null;
        keepFocus(box);
        if (isEditing()) {
            super.commitEdit(value);
        }
        render(getItem());
    }

    @Override
    public void cancelEdit() {
        ComboBox<T> box = combo;
        combo = null;
        keepFocus(box);
        super.cancelEdit();
        render(getItem());
    }

    /** Before the box leaves the scene: the keyboard goes to the table, not to the scene's first field. */
    private void keepFocus(ComboBox<T> box) {
        if (box != null && getTableView() != null && (box.isFocused() || box.isShowing())) {
            if (box.isShowing()) {
                box.hide();
            }
            getTableView().requestFocus();
        }
    }

    @Override
    public void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        if (isEditing() && combo != null) {
            return;
        }
        render(empty ? null : item);
    }

    private void render(T item) {
        setGraphic(null);
        setText(isEmpty() || item == null ? null : converter.toString(item));
        // the style class changes only when it differs: each change is a style pass of the cell
        String cls = isEmpty() || item == null || styleClass == null ? null : styleClass.apply(item);
        if (!java.util.Objects.equals(cls, appliedClass)) {
            if (appliedClass != null) {
                getStyleClass().remove(appliedClass);
            }
            if (cls != null) {
                getStyleClass().add(cls);
            }
            appliedClass = cls;
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
