package com.perprisk.ui.format;

import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.io.WorkspaceCodec;
import com.perprisk.io.WorkspaceMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A working's numbers on screen: each to the precision of what it is, the engine's text untouched. */
public class WorkingTextTest {
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
    private final WorkingText us = new WorkingText(new Formats(Locale.US));

    /**
     * True when the text holds a number written past sensible precision: more than seven significant digits with
     * more than two decimals (16214.85944, −36.41114983, 0.000404040404).
     */
    public static boolean hasUnroundedNumber(String text) {
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String t = m.group().replace(",", "");
            int dot = t.indexOf('.');
            if (dot < 0 || t.length() - dot - 1 <= 2) {
                continue;
            }
            String digits = t.replace(".", "").replaceFirst("^0+", "");
            if (digits.length() > 7) {
                return true;
            }
        }
        return false;
    }

    private static Explanation liquidation() {
        return new Explanation("Liquidation price", "LP = (WB + UPNL − TMM + cum − Q × EP) / (Q × MMR − Q)",
                List.of(new Term("WB", "cross wallet balance", 1535443.01, "quote"),
                        new Term("UPNL", "unrealized PnL of cross positions in other markets", -448192.8851, "quote"),
                        new Term("TMM", "maintenance requirement of cross positions in other markets", 356512.5081,
                                "quote"),
                        new Term("cum", "maintenance amount of bracket 3", 16300, "quote"),
                        new Term("Q", "size", 109.488, "base"),
                        new Term("EP", "entry price", 32481.98, "quote"),
                        new Term("MMR", "maintenance margin rate of bracket 3", 0.025, "rate")),
                "LP = (1535443.01 + (−448192.8851) − 356512.5081 + 16300 − 109.488 × 32481.98) / "
                        + "(109.488 × 0.025 − 109.488)", 16214.85944,
                List.of("The exact price differs by 28.64321608 from the quick estimate.",
                        "Bracket 1 [0, 50000) contains N; max leverage 125x.",
                        "This long pays 16214.85944 at 0.5 per unit."));
    }

    @Test
    @DisplayName("Each term shows to its precision: money to cents, a price to its tick, a rate in %, a size as typed")
    void termValues() {
        Explanation e = liquidation();
        assertEquals("1,535,443.01", us.value(e.terms().get(0)));
        assertEquals("−448,192.89", us.value(e.terms().get(1)));
        assertEquals("16,300.00", us.value(e.terms().get(3)));
        assertEquals("109.488", us.value(e.terms().get(4)));
        assertEquals("32,481.98", us.value(e.terms().get(5)));
        assertEquals("2.5%", us.value(e.terms().get(6)));
        assertEquals("0.01%", us.value(new Term("F", "funding rate", 0.0001, "rate")));
        assertEquals("0.150123", us.value(new Term("EP", "entry price", 0.1501234, "quote")),
                "a DOGE-sized price keeps six significant digits");
        assertEquals("0.000404", us.value(new Term("fee", "fee paid", 0.000404040404, "quote")),
                "a fraction of a cent keeps four significant digits rather than showing 0.00");
        assertEquals("12.5", us.value(new Term("L", "leverage", 12.5, "×")));
        assertEquals("—", us.value(new Term("X", "exit price", Double.NaN, "quote")));
    }

    @Test
    @DisplayName("The substituted formula rounds each number as its term, and an intermediate to six digits")
    void substituted() {
        assertEquals("LP = (1,535,443.01 + (−448,192.89) − 356,512.51 + 16,300 − 109.488 × 32,481.98) / "
                + "(109.488 × 0.025 − 109.488)", us.substituted(liquidation()));
        Explanation inter = new Explanation("Liquidation price", "LP = A / B", List.of(), "LP = 16214.85944 / "
                + "0.9954567891", null, List.of());
        assertEquals("LP = 16,214.86 / 0.995457", us.substituted(inter));
        WorkingText de = new WorkingText(new Formats(Locale.GERMANY));
        assertEquals("LP = 16.214,86 / 0,995457", de.substituted(inter), "the user's separators");
    }

    @Test
    @DisplayName("Notes: long decimals rounded (the result as the result shows), whole numbers keep their digits")
    void notes() {
        Explanation e = liquidation();
        assertEquals("The exact price differs by 28.6432 from the quick estimate.", us.note(e, e.notes().get(0)));
        assertEquals("Bracket 1 [0, 50,000) contains N; max leverage 125x.", us.note(e, e.notes().get(1)));
        assertEquals("This long pays 16,214.86 at 0.5 per unit.", us.note(e, e.notes().get(2)));
        assertEquals("Format v2.1.0, Q1, 2024-06-01 and 12:30 stay.", us.note(e,
                "Format v2.1.0, Q1, 2024-06-01 and 12:30 stay."));
    }

    @Test
    @DisplayName("The plain-text working (the ticket's) has every part rounded and the result in its unit")
    void text() {
        String t = us.text(liquidation(), "BTCUSDT");
        assertTrue(t.contains("  WB = 1,535,443.01 USDT  (cross wallet balance)"), t);
        assertTrue(t.contains("  MMR = 2.5%  (maintenance margin rate of bracket 3)"), t);
        assertTrue(t.contains("  Q = 109.488 BTC  (size)"), t);
        assertTrue(t.contains("\n  = 16,214.86\n"), t);
        assertFalse(hasUnroundedNumber(t), t);
    }

    @Test
    @DisplayName("Every working of every sample and lesson reads rounded on screen")
    void everySampleReadsRounded() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("resources/workspaces", "resources/lessons")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> p.toString().endsWith(".perprisk.json")).sorted().forEach(files::add);
            }
        }
        assertTrue(files.size() >= 8, files.toString());
        int checked = 0;
        boolean engineHadLongNumbers = false;
        for (Path f : files) {
            PortfolioRisk risk = RiskEngine.evaluate(WorkspaceMapper.toPortfolio(WorkspaceCodec.read(f)).portfolio(), true);
            List<Explanation> all = new ArrayList<>(risk.accountExplanations().values());
            for (PositionRisk p : risk.positions()) {
                all.addAll(p.explanations().values());
            }
            for (Explanation e : all) {
                engineHadLongNumbers |= hasUnroundedNumber(e.toText());
                String shown = us.text(e, "BTCUSDT");
                assertFalse(hasUnroundedNumber(shown), f + ": " + shown);
                checked++;
            }
        }
        assertTrue(checked > 100, "workings checked: " + checked);
        assertTrue(engineHadLongNumbers, "the engine's own text keeps its ten digits (calc's JSON)");
    }

    @Test
    void aSentenceOfTheEnginesShowsItsNumbersRounded() {
        assertEquals("Explained by bracket at entry: 16,214.86 vs 16,214 (residual 0.85944)",
                us.sentence("Explained by bracket at entry: 16214.85944 vs 16214 (residual 0.85944)"));
        assertEquals("funding −36.4111 settled into the margin; tick 0.1; 2024 brackets",
                us.sentence("funding −36.41114983 settled into the margin; tick 0.1; 2024 brackets"));
        assertEquals("", us.sentence(""));
    }
}
