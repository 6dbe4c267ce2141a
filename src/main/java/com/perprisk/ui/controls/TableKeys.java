package com.perprisk.ui.controls;

import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Spreadsheet keys for an editable table: Enter or F2 edits the focused cell, typing a number starts editing it. */
public final class TableKeys {
    private TableKeys() {
    }

    /**
     * Gives the table the keyboard at a cell (row clamped to the rows there are), selecting it: where the keyboard
     * goes after a cell's editor closes.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static void focusCell(TableView table, int row, javafx.scene.control.TableColumn column) {
        if (table == null || table.getItems().isEmpty()) {
            return;
        }
        int r = Math.max(0, Math.min(row, table.getItems().size() - 1));
        if (column != null) {
            table.getSelectionModel().clearAndSelect(r, column);
            table.getFocusModel().focus(r, column);
        }
        table.requestFocus();
    }

    @SuppressWarnings("unchecked") // TableViewFocusModel.getFocusedCell() returns a raw TablePosition
    public static <S> void install(TableView<S> table) {
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (table.getEditingCell() != null) {
                return;
            }
            TablePosition<S, ?> pos = table.getFocusModel().getFocusedCell();
            if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.F2) {
                table.edit(pos.getRow(), pos.getTableColumn());
                e.consume();
            }
        });
        table.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if (table.getEditingCell() != null || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
                return;
            }
            String ch = e.getCharacter();
            if (ch == null || ch.length() != 1 || !(Character.isDigit(ch.charAt(0)) || "-.,".contains(ch))) {
                return;
            }
            TablePosition<S, ?> pos = table.getFocusModel().getFocusedCell();
            if (pos == null || pos.getRow() < 0 || pos.getTableColumn() == null || !pos.getTableColumn().isEditable()) {
                return;
            }
            table.getProperties().put(EditableTextCell.PENDING_TEXT, ch);
            table.edit(pos.getRow(), pos.getTableColumn());
            if (table.getEditingCell() == null) {
                table.getProperties().remove(EditableTextCell.PENDING_TEXT);
            }
            e.consume();
        });
    }
}
