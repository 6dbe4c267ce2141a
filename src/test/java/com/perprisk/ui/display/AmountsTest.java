package com.perprisk.ui.display;

import com.perprisk.ui.format.Formats;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AmountsTest {
    private final Formats us = new Formats(Locale.US);

    @Test
    void aCoinAmountHasSixDecimalsAndItsNameAQuoteAmountTwo() {
        assertEquals("0.025862 BTC", Amounts.money(us, 30_000 / 58_000.0 / 20, "BTC"));
        assertEquals("4,880.00 USDT", Amounts.money(us, 4_880.0, "USDT"));
        assertEquals("+0.017241 BTC", Amounts.signed(us, 30_000 * (1 / 58_000.0 - 1 / 60_000.0), "BTC"));
        assertEquals("\u22120.053763 ETH", Amounts.signed(us, -5_000 * (1 / 3_000.0 - 1 / 3_100.0), "ETH"));
        assertEquals("0.000000 BTC", Amounts.signed(us, -1e-12, "BTC"));
        assertTrue(Amounts.isCoin("BTC"));
        assertFalse(Amounts.isCoin("USDT"));
    }

    @Test
    void withoutAnAssetTheTextIsTheBareAmountAsBefore() {
        assertEquals(us.money(4_880.0), Amounts.money(us, 4_880.0, null));
        assertEquals(us.signedMoney(-800.0), Amounts.signed(us, -800.0, null));
        assertEquals(Formats.NONE, Amounts.money(us, null, "BTC"));
        assertEquals(Formats.NONE, Amounts.signed(us, Double.NaN, "BTC"));
    }

    @Test
    void unitsOfCoinMarginedSymbols() {
        assertEquals("USD", Units.quote("BTCUSD_PERP"));
        assertEquals("BTC", Units.base("BTCUSD_PERP"));
        assertEquals("USD", Units.quote("BTCUSD"));
        assertEquals("USDT", Units.quote("BTCUSDT"));
    }
}
