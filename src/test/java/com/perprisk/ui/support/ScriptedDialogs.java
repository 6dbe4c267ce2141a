package com.perprisk.ui.support;

import com.perprisk.ui.MainView;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The main window's dialogs answered by the test (the dialog seam): the file to open or save to (none: the user
 * cancelled), the answer to "unsaved changes?" (Discard unless set), and what was asked and shown, counted.
 */
public final class ScriptedDialogs implements MainView.Dialogs {
    /** The file the Open dialog returns; null: cancelled. */
    public Path openFrom;
    /** The file the Save dialog returns; null: cancelled. */
    public Path saveTo;
    /** The answer to "unsaved changes?". */
    public MainView.UnsavedChoice unsaved = MainView.UnsavedChoice.DISCARD;
    /** How many times each dialog was shown. */
    public int opens;
    public int saveDialogs;
    public int confirmations;
    /** Every error shown, as "header: message". */
    public final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseOpen(Window owner) {
        opens++;
        return Optional.ofNullable(openFrom);
    }

    @Override
    public Optional<Path> chooseSave(Window owner, String suggestedName) {
        saveDialogs++;
        return Optional.ofNullable(saveTo);
    }

    @Override
    public MainView.UnsavedChoice confirmUnsaved(Window owner, String name) {
        confirmations++;
        return unsaved;
    }

    @Override
    public void error(Window owner, String header, String message) {
        errors.add(header + ": " + message);
    }
}
