package com.perprisk;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13: the platform's loggers print without starting java.util.logging, and JavaFX's class-path warning goes. */
class ConsoleLoggerFinderTest {
    private static String err(Runnable r) {
        PrintStream was = System.err;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        System.setErr(new PrintStream(b, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(was);
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theJarRegistersItAsThePlatformsLoggerFinder() {
        assertInstanceOf(ConsoleLoggerFinder.class, System.LoggerFinder.getLoggerFinder());
        assertInstanceOf(ConsoleLoggerFinder.ConsoleLogger.class, System.getLogger("javafx.css"));
    }

    @Test
    void aWarningIsOneLineOnStandardErrorWithItsLevelAndLogger() {
        System.Logger css = new ConsoleLoggerFinder().getLogger("javafx.css", getClass().getModule());
        String out = err(() -> css.log(System.Logger.Level.WARNING, "Could not resolve '-color-x' while resolving lookups"));
        assertEquals("WARNING: javafx.css: Could not resolve '-color-x' while resolving lookups" + System.lineSeparator(), out);
        String params = err(() -> css.log(System.Logger.Level.ERROR, "bad {0} at {1}", "value", 3));
        assertEquals("ERROR: javafx.css: bad value at 3" + System.lineSeparator(), params);
        String thrown = err(() -> css.log(System.Logger.Level.WARNING, "failed", new IllegalStateException("why")));
        assertEquals("WARNING: javafx.css: failed (java.lang.IllegalStateException: why)" + System.lineSeparator(), thrown);
        assertFalse(thrown.contains("\tat "), "no stack trace");
    }

    @Test
    void infoAndAbovePrintAsJavaUtilLoggingsConsoleWouldTheRestDoesNot() {
        System.Logger l = new ConsoleLoggerFinder().getLogger("x", getClass().getModule());
        assertTrue(l.isLoggable(System.Logger.Level.INFO));
        assertTrue(l.isLoggable(System.Logger.Level.ERROR));
        assertFalse(l.isLoggable(System.Logger.Level.DEBUG));
        assertFalse(l.isLoggable(System.Logger.Level.TRACE));
        assertFalse(l.isLoggable(System.Logger.Level.OFF));
        assertEquals("", err(() -> l.log(System.Logger.Level.DEBUG, "quiet")));
    }

    @Test
    void javaFxsClassPathWarningIsDropped() {
        ConsoleLoggerFinder.ConsoleLogger l = new ConsoleLoggerFinder.ConsoleLogger("javafx");
        assertNull(l.line(System.Logger.Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @5feeb8dc'", null));
        assertEquals("", err(() -> l.log(System.Logger.Level.WARNING,
                "Unsupported JavaFX configuration: classes were loaded from 'unnamed module @1'")));
    }
}
