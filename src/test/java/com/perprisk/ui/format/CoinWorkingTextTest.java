package com.perprisk.ui.format;

import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A working in a coin (an inverse contract's): its result and the coin amounts in its notes keep their decimals. */
class CoinWorkingTextTest {
    private static final Formats FMT = new Formats(Locale.US);
    private static final Explanation IM = new Explanation("Order initial margin", "IM = C × cs / EP / L",
            List.of(new Term("C", "contracts", 300, "contracts"), new Term("cs", "contract size", 100, "quote"),
                    new Term("EP", "entry price", 58_000, "quote"), new Term("L", "leverage", 20, "×")),
            "IM = 300 × 100 / 58000 / 20", 0.02586206897,
            List.of("0.02586206897 BTC ≈ 1551.724138 USD at the mark 60000."));

    @Test
    @DisplayName("In BTC the result is 0.025862 BTC and the note's amount too; in the quote it would round to cents")
    void coinAmountsKeepTheirDecimals() {
        WorkingText coin = new WorkingText(FMT, "BTC");
        String text = coin.text(IM, "BTCUSD_PERP");
        assertTrue(text.contains("= 0.025862 BTC"), text);
        assertEquals("0.025862 BTC ≈ 1,551.72 USD at the mark 60,000.", coin.note(IM, IM.notes().get(0)));
        // the quote currency's rounding, which a coin amount must not get
        assertEquals("0.03", new WorkingText(FMT).result(IM));
    }
}
