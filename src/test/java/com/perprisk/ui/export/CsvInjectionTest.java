package com.perprisk.ui.export;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14 item 12: a text cell a spreadsheet could run as a formula gets a single quote in front, as OWASP's CSV
 * injection guidance says, also when the trigger hides behind blanks or invisible characters, or is written in full
 * width. Each case below was exported unguarded before.
 */
class CsvInjectionTest {
    @ParameterizedTest(name = "guarded: {0}")
    @ValueSource(strings = {
            "\u0000=1+1",              // NUL before =
            " =1+1",                   // a leading space
            "   @SUM(A1)",             // several spaces before @
            "\u3000=1+1",              // ideographic (full-width) space
            "\u00A0=1+1",              // no-break space
            "\uFEFF=1+1",              // byte-order mark
            "\u200B=1+1",              // zero-width space
            "\u200C\u200D=1+1",        // zero-width non-joiner and joiner
            "\u2060+1",                // word joiner
            "\uFF1D1+1",               // full-width =
            "\uFF0B1",                 // full-width +
            "\uFF0D1",                 // full-width -
            "\uFF20SUM(A1)",           // full-width @
            "\uFE66cmd",               // small form =
            "\u0001\u0002-1",          // control characters before -
            "\n=1",                    // a leading line feed
            " \t=1",                   // a space, then a tab
    })
    void hiddenFormulaTriggersAreGuarded(String cell) {
        assertTrue(ResultsCsv.startsLikeAFormula(cell), cell);
        String csv = ResultsCsv.text(cell);
        String unquoted = csv.startsWith("\"") ? csv.substring(1) : csv;
        assertTrue(unquoted.startsWith("'"), csv);
    }

    @ParameterizedTest(name = "unchanged: {0}")
    @ValueSource(strings = {"BTCUSDT", "p1", "a=b", "long + short", "Σ MM", "  spaced", "\u3000text", "1-2"})
    void ordinaryTextIsLeftAlone(String cell) {
        assertFalse(ResultsCsv.startsLikeAFormula(cell), cell);
        assertEquals(cell, ResultsCsv.text(cell));
    }

    @ParameterizedTest(name = "OWASP's own list: {0}")
    @ValueSource(strings = {"=1", "+1", "-1", "@x", "\tx", "\rx"})
    void theOwaspCharactersAtTheStartAreGuarded(String cell) {
        assertTrue(ResultsCsv.startsLikeAFormula(cell), cell);
    }
}
