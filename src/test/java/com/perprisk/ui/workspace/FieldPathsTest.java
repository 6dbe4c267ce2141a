package com.perprisk.ui.workspace;

import com.perprisk.ui.LaunchOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldPathsTest {
    @Test
    void pathsInWords() {
        assertEquals("Position 3 · leverage", FieldPaths.describe("positions[2].leverage"));
        assertEquals("Market 1 · tier 2 · MMR", FieldPaths.describe("markets[0].tiers[1].mmr"));
        assertEquals("Account · wallet balance", FieldPaths.describe("account.walletBalance"));
        assertEquals("Market 2 · funding · rate", FieldPaths.describe("markets[1].funding.rate"));
        assertEquals("Workspace", FieldPaths.describe(""));
        assertEquals("markets[0].tiers[3].cap", FieldPaths.tier(0, 3, "cap"));
    }

    @Test
    void launchOptions() {
        LaunchOptions o = LaunchOptions.parse(List.of("--screenshot", "out.png", "w.json"));
        assertTrue(o.isScreenshot());
        assertEquals(Path.of("out.png"), o.screenshot());
        assertEquals(Path.of("w.json"), o.workspace());
        assertNull(LaunchOptions.parse(List.of()).workspace());
        assertEquals(1024, LaunchOptions.parse(List.of("--size", "1024x768")).width());
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--size", "big")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--screenshot")));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse(List.of("--bogus")));
    }
}
