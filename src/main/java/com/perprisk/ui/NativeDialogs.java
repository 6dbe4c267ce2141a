package com.perprisk.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/** File dialogs and alerts of the real desktop. */
final class NativeDialogs implements MainView.Dialogs {
    private File lastDir;

    private FileChooser chooser(String title) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("PerpRisk workspace", "*.perprisk.json", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (lastDir != null && lastDir.isDirectory()) {
            c.setInitialDirectory(lastDir);
        }
        return c;
    }

    @Override
    public Optional<Path> chooseOpen(Window owner) {
        File f = chooser("Open workspace").showOpenDialog(owner);
        if (f != null) {
            lastDir = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(Window owner, String suggestedName) {
        FileChooser c = chooser("Save");
        c.setInitialFileName(suggestedName);
        if (suggestedName.endsWith(".csv")) {
            c.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        } else if (suggestedName.endsWith(".png")) {
            c.getExtensionFilters().setAll(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        }
        File f = c.showSaveDialog(owner);
        if (f != null) {
            lastDir = f.getParentFile();
        }
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public MainView.UnsavedChoice confirmUnsaved(Window owner, String name) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, cancel);
        a.setHeaderText("Save changes to \"" + (name == null || name.isBlank() ? "Untitled" : name) + "\"?");
        a.initOwner(owner);
        ButtonType r = a.showAndWait().orElse(cancel);
        return r == save ? MainView.UnsavedChoice.SAVE : r == discard ? MainView.UnsavedChoice.DISCARD : MainView.UnsavedChoice.CANCEL;
    }

    @Override
    public void error(Window owner, String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message == null ? "" : message);
        a.setHeaderText(header);
        a.initOwner(owner);
        a.show();
    }
}
