package com.perprisk.io;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;

/**
 * The one JSON layout PerpRisk writes, files and command output alike: two-space indent, {@code "key": value},
 * empty {@code []} and {@code {}}.
 */
public final class JsonLayout {
    private JsonLayout() {
    }

    /** A new pretty printer with the layout (a printer keeps nesting state: one per generator). */
    public static DefaultPrettyPrinter pretty() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withArrayEmptySeparator("")
                        .withObjectEmptySeparator(""));
        pp.indentArraysWith(indenter);
        pp.indentObjectsWith(indenter);
        return pp;
    }
}
