package com.perprisk.engine.waterfall;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WaterfallResultTest {

    @Test
    void fundChangeIsSurplusLessCovered() {
        assertEquals(70.1, new WaterfallResult(100, 70.1, 0, 0, 0, 1_070.1, 29.9, 0).fundChange(), 1e-12);
        assertEquals(-2_000.0, new WaterfallResult(0, 0, 10_000, 2_000, 8_000, 0, 0, 0).fundChange(), 0.0);
    }

    @Test
    void pnlBeyondBankruptcyIsRebuiltFromTheParts() {
        assertEquals(2_000.0, new WaterfallResult(840, 840, 0, 0, 0, 10_840, 0, 1_160).pnlBeyondBankruptcy(), 0.0);
        assertEquals(-10_000.0, new WaterfallResult(0, 0, 10_000, 2_000, 8_000, 0, 0, 0).pnlBeyondBankruptcy(), 0.0);
    }

    @Test
    void adlIsNeededOnlyWhenSomethingIsLeftForIt() {
        assertTrue(new WaterfallResult(0, 0, 10_000, 2_000, 8_000, 0, 0, 0).needsAdl());
        assertFalse(new WaterfallResult(0, 0, 100, 100, 0, 4_900, 0, 0).needsAdl());
    }
}
