package com.perprisk.ui.format;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class FormatsTest {
    private final Formats us = new Formats(Locale.US);
    private final Formats de = new Formats(Locale.GERMANY);

    @Test
    void missingOrNonFiniteIsADash() {
        assertEquals("—", us.money(null));
        assertEquals("—", us.money(Double.NaN));
        assertEquals("—", us.price(Double.POSITIVE_INFINITY, 60_000));
        assertEquals("—", us.percent(Double.NEGATIVE_INFINITY, 2));
        assertEquals("—", us.signedMoney(Double.NaN));
        assertEquals("—", us.quantity(null, 4));
    }

    @Test
    void priceDecimalsFollowTheMarket() {
        assertEquals(2, Formats.priceDecimals(60_000));
        assertEquals(2, Formats.priceDecimals(3_000));
        assertEquals(3, Formats.priceDecimals(150));
        assertEquals(6, Formats.priceDecimals(0.15));
        assertEquals(8, Formats.priceDecimals(0.000012));
        assertEquals("54,271.36", us.price(54_271.3567, 60_000));
        assertEquals("113.504", us.price(113.5039, 136));
    }

    @Test
    void groupingAndSeparatorsFollowTheLocale() {
        assertEquals("1,234,567.89", us.money(1_234_567.891));
        assertEquals("1.234.567,89", de.money(1_234_567.891));
        assertEquals("+1,675.00", us.signedMoney(1_675.0));
        assertEquals("−1,675.00", us.signedMoney(-1_675.0));
        assertEquals("0.00", us.signedMoney(-0.0001));
        assertEquals("−35.19%", us.signedPercent(-0.35189, 2));
        assertEquals("0.5", us.quantity(0.5, 6));
    }

    @Test
    void editTextRoundTrips() {
        assertEquals("60000", us.editText(60_000.0));
        assertEquals("0.1", us.editText(0.1));
        assertEquals("0,1", de.editText(0.1));
        assertEquals("", us.editText(null));
        assertEquals("0.4", us.editPercentText(0.004));
        assertEquals("0.0125", us.editPercentText(0.000125));
        assertEquals(0.004, us.parsePercent("0.4"));
        assertEquals(0.000125, us.parsePercent("0.0125"));
    }

    @Test
    void parsingAcceptsLocaleAndPlainNotation() {
        assertEquals(1234.5, us.parse("1,234.5"));
        assertEquals(1234.5, de.parse("1.234,5"));
        assertEquals(1.5, de.parse("1.5"));
        assertEquals(1000.0, us.parse("1e3"));
        assertEquals(-3.0, us.parse("−3"));
        assertEquals(12.0, us.parse(" +12 "));
        assertNull(us.parse("abc"));
        assertNull(us.parse("12abc"));
        assertNull(us.parse(""));
        assertNull(us.parse("NaN"));
        assertNull(us.parse("Infinity"));
    }
}
