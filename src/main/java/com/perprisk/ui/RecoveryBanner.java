package com.perprisk.ui;

import com.perprisk.ui.workspace.RecoveryStore;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The banner offering each recovery copy a crash left behind, saying what it would restore (name, file, time of
 * the last edit), each with Restore and Discard. It removes itself when every copy is handled.
 */
final class RecoveryBanner extends VBox {

    /**
     * @param actions restores a copy (false when the user cancels or it fails: the copy stays offered)
     * @param remove  takes the banner off the window
     */
    RecoveryBanner(RecoveryStore store, List<RecoveryStore.Entry> entries, DocumentActions actions,
                   Consumer<RecoveryBanner> remove) {
        setId("recovery-banner");
        getStyleClass().add("recovery-banner");
        Label head = new Label("PerpRisk did not close normally last time. Unsaved work can be restored:");
        head.setWrapText(true);
        getChildren().add(head);
        for (int i = 0; i < entries.size(); i++) {
            var entry = entries.get(i);
            Label text = new Label(DocumentActions.describe(entry, ZoneId.systemDefault(), Locale.getDefault()));
            text.setWrapText(true);
            text.setMinWidth(0);
            Button restore = new Button("Restore");
            restore.setId(i == 0 ? "recover-restore" : "recover-restore-" + i);
            restore.getStyleClass().add("accent");
            restore.setMinWidth(Region.USE_PREF_SIZE);
            Button discard = new Button("Discard");
            discard.setId(i == 0 ? "recover-discard" : "recover-discard-" + i);
            discard.setMinWidth(Region.USE_PREF_SIZE);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox row = new HBox(8, text, spacer, restore, discard);
            row.getStyleClass().add("recovery-entry");
            row.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(text, Priority.ALWAYS);
            Runnable done = () -> {
                getChildren().remove(row);
                if (getChildren().size() <= 1) {
                    remove.accept(this);
                }
            };
            restore.setOnAction(e -> actions.restore(store, entry).thenAccept(restored -> {
                if (restored) {
                    done.run();
                }
            }));
            discard.setOnAction(e -> {
                store.delete(entry.key());
                done.run();
            });
            getChildren().add(row);
        }
    }
}
