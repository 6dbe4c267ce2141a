package com.perprisk.engine;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EngineInputsTest {

    @Test
    void validValuesPassThroughUnchanged() {
        assertEquals(-3.5, EngineInputs.finite("x", -3.5), 0.0);
        assertEquals(60_000.0, EngineInputs.positive("mark price", 60_000), 0.0);
        assertEquals(0.0, EngineInputs.nonNegative("size", 0), 0.0);
        assertEquals("a", EngineInputs.present("id", "a"));
        assertEquals(1.25, EngineInputs.result("q", 1.25), 0.0);
    }

    @Test
    void messagesNameTheInput() {
        assertEquals("mark price is not a number",
                assertThrows(EngineException.class, () -> EngineInputs.positive("mark price", Double.NaN))
                        .getMessage());
        assertEquals("mark price must be above 0, got −5",
                assertThrows(EngineException.class, () -> EngineInputs.positive("mark price", -5)).getMessage());
        assertEquals("rate must be finite, got ∞",
                assertThrows(EngineException.class, () -> EngineInputs.finite("rate", Double.POSITIVE_INFINITY))
                        .getMessage());
        assertEquals("size must not be negative, got −1",
                assertThrows(EngineException.class, () -> EngineInputs.nonNegative("size", -1)).getMessage());
        assertEquals("side is missing",
                assertThrows(EngineException.class, () -> EngineInputs.present("side", null)).getMessage());
        assertEquals("APY cannot be computed from these inputs (it would be ∞)",
                assertThrows(EngineException.class, () -> EngineInputs.result("APY", Double.POSITIVE_INFINITY))
                        .getMessage());
    }

    @Test
    void zeroIsNotPositive() {
        assertThrows(EngineException.class, () -> EngineInputs.positive("index price", 0));
        assertThrows(EngineException.class, () -> EngineInputs.positive("index price", -0.0));
    }
}
