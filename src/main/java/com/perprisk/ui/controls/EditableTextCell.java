package com.perprisk.ui.controls;

import com.perprisk.ui.workspace.WorkspaceViewModel;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A table cell that edits one text field of a row view model: shows the value formatted (right-aligned numbers),
 * edits the raw text in a TextField (Enter or focus loss commits, Escape cancels), and carries the validation
 * decoration of its field path.
 *
 * @param <S> row type
 */
public class EditableTextCell<S> extends TableCell<S, String> {
    private final WorkspaceViewModel vm;
    private final Function<S, StringProperty> field;
    private final BiFunction<S, Integer, String> path;
    private final UnaryOperator<String> display;
    private final InvalidationListener problemsChanged = o -> decorate();
    private TextField editor;
    private Function<S, javafx.beans.Observable> rowDependency;
    private BiFunction<S, String, Shown> rowDisplay;
    private javafx.beans.Observable watched;
    private final InvalidationListener rowChanged = o -> {
        if (!isEditing()) {
            render();
        }
    };
    private String shownClass;

    /** What a row-aware cell shows instead of its text: a value and an optional style class ("derived"). */
    public record Shown(String text, String styleClass) {
    }

    /** Table property: text typed on a focused cell that should start its editor (see {@link TableKeys}). */
    public static final String PENDING_TEXT = "perprisk.pendingText";

    /**
     * @param field   the row's text property this cell edits
     * @param path    field path of the row at an index, for decorations
     * @param display text → what the cell shows when not editing (e.g. grouped number)
     * @param numeric right-align and use tabular digits
     */
    public EditableTextCell(WorkspaceViewModel vm, Function<S, StringProperty> field, BiFunction<S, Integer, String> path,
                            UnaryOperator<String> display, boolean numeric) {
        this.vm = vm;
        this.field = field;
        this.path = path;
        this.display = display;
        getStyleClass().add("editable-cell");
        if (numeric) {
            getStyleClass().add("number-cell");
            setAlignment(Pos.CENTER_RIGHT);
        }
        vm.problems().addListener(new WeakInvalidationListener(problemsChanged));
        indexProperty().addListener(o -> decorate());
        ColumnFit.watch(this);
    }

    /**
     * Makes the cell show something that depends on the rest of the row, e.g. the margin an isolated position gets
     * when the field is left blank, or a muted cell where the field does not apply.
     *
     * @param dependency what to watch on the row (re-rendered when it changes)
     * @param display    row and text → what to show, or null for the plain display
     */
    public EditableTextCell<S> withRowDisplay(Function<S, javafx.beans.Observable> dependency,
                                              BiFunction<S, String, Shown> display) {
        this.rowDependency = dependency;
        this.rowDisplay = display;
        return this;
    }

    @Override
    @SuppressWarnings("unchecked") // TableViewFocusModel.getFocusedCell() returns a raw TablePosition
    public void startEdit() {
        if (isEmpty() || getTableRow() == null || getTableRow().getItem() == null || vm.isPlaybackShown()) {
            return; // a playback shows the simulated state: read-only
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        Object typed = getTableView() == null ? null : getTableView().getProperties().remove(PENDING_TEXT);
        TextField field = new TextField(typed != null ? typed.toString() : getItem() == null ? "" : getItem());
        editor = field;
        field.getStyleClass().add("cell-editor");
        field.setAlignment(getAlignment());
        field.setOnAction(e -> {
            // spreadsheet style: commit and move down a row, the keyboard stays in the table
            int row = getIndex();
            var column = getTableColumn();
            var table = getTableView();
            commitIfEditing(field);
            TableKeys.focusCell(table, row + 1, column);
            e.consume();
        });
        // a filter: runs before the text field's own Tab traversal and Escape handling
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelEdit();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                // spreadsheet style: commit and move to the next (Shift: previous) cell of the row
                commitIfEditing(field);
                var table = getTableView();
                if (table != null) {
                    if (e.isShiftDown()) {
                        table.getFocusModel().focusLeftCell();
                    } else {
                        table.getFocusModel().focusRightCell();
                    }
                    var pos = table.getFocusModel().getFocusedCell();
                    TableKeys.focusCell(table, pos.getRow(), pos.getTableColumn());
                }
                e.consume();
            }
        });
        field.focusedProperty().addListener((obs, was, now) -> {
            if (!now) {
                commitIfEditing(field);
            }
        });
        setText(null);
        setGraphic(editor);
        if (typed != null) {
            editor.end();
        } else {
            editor.selectAll();
        }
        editor.requestFocus();
    }


    /**
     * Before the editor leaves the scene: if it has the keyboard, give it to the table. Otherwise the scene hands the
     * focus to its first field (the wallet), text selected, and the next digit typed replaces the balance.
     */
    private void keepFocusInTable() {
        TextField ed = editor;
        editor = null; // the focus-loss listener below must not commit a second time
        if (ed != null && ed.isFocused() && getTableView() != null) {
            getTableView().requestFocus();
        }
        editor = isEditing() ? ed : null;
    }

    private void commitIfEditing(TextField field) {
        if (isEditing() && editor == field) {
            commitEdit(field.getText());
        }
    }

    @Override
    public void commitEdit(String newValue) {
        keepFocusInTable();
        S item = getTableRow() == null ? null : getTableRow().getItem();
        if (item != null) {
            field.apply(item).set(newValue == null ? "" : newValue.strip());
        }
        if (isEditing()) {
            super.commitEdit(newValue);
        }
        editor = null;
        render();
    }

    @Override
    public void cancelEdit() {
        keepFocusInTable();
        super.cancelEdit();
        editor = null;
        render();
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (isEditing() && editor != null) {
            return;
        }
        render();
    }

    private void render() {
        S row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
        watch(row);
        String cls = null;
        if (isEmpty()) {
            setText(null);
            setGraphic(null);
        } else {
            setGraphic(null);
            Shown shown = row != null && rowDisplay != null ? rowDisplay.apply(row, getItem()) : null;
            if (shown != null) {
                setText(shown.text());
                cls = shown.styleClass();
            } else {
                setText(display.apply(getItem()));
            }
        }
        if (!java.util.Objects.equals(cls, shownClass)) {
            if (shownClass != null) {
                getStyleClass().remove(shownClass);
            }
            if (cls != null) {
                getStyleClass().add(cls);
            }
            shownClass = cls;
        }
        decorate();
    }

    private void watch(S row) {
        javafx.beans.Observable dep = row == null || rowDependency == null ? null : rowDependency.apply(row);
        if (dep != watched) {
            if (watched != null) {
                watched.removeListener(rowChanged);
            }
            watched = dep;
            if (dep != null) {
                dep.addListener(rowChanged);
            }
        }
    }

    private void decorate() {
        S item = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
        FieldDecorations.decorateCell(this, vm, item == null ? null : path.apply(item, getIndex()));
    }
}
