package com.perprisk.io.archfixture;

import com.perprisk.ui.format.Formats;

/** Breaks the layering on purpose (ArchitectureRulesFailTest): io must not use ui. */
public final class IoShowingADialog {
    private IoShowingADialog() {
    }

    public static boolean blank(String text) {
        return Formats.isBlank(text);
    }
}
