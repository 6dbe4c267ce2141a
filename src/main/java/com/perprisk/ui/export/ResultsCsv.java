package com.perprisk.ui.export;

import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.MarketRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.Quantity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's results as CSV (RFC 4180, CRLF line ends): a header and one row per position with every calc field,
 * then a blank line and an account block (field,value), then a market block, then any warnings.
 *
 * <ul>
 *   <li>Numbers are written in plain, locale-independent form: {@code -1234.5}, never grouped, never an exponent.
 *       A value that does not exist (no liquidation price) is an empty cell.</li>
 *   <li>Text cells (ids, symbols, warnings) that a spreadsheet could run as a formula get a single quote in front,
 *       so it shows them as text: see {@link #startsLikeAFormula} for what counts (OWASP's list, also behind
 *       leading blanks and invisible characters, and in full width).</li>
 *   <li>Cells with a comma, a double quote or a line break are quoted, with quotes doubled.</li>
 * </ul>
 */
public final class ResultsCsv {
    /**
     * Position columns, in order: calc's position fields (the {@link Quantity} vocabulary's) for a workspace of linear
     * contracts; with an inverse contract {@code marginAsset} follows, as in calc.
     */
    public static final List<String> POSITION_COLUMNS = keys(Quantity.Scope.POSITION).stream()
            .filter(k -> !k.equals(Quantity.MARGIN_ASSET.key())).toList();

    /** Market columns: calc's market fields. */
    public static final List<String> MARKET_COLUMNS = keys(Quantity.Scope.MARKET);

    private static final String EOL = "\r\n";

    private ResultsCsv() {
    }

    private static List<String> keys(Quantity.Scope scope) {
        return Quantity.of(scope).stream().map(Quantity::key).toList();
    }

    /** Writes the whole report. Does not close the writer. */
    public static void write(PortfolioRisk risk, Writer out) throws IOException {
        // marginAsset only when the workspace has an inverse contract (calc leaves it out otherwise)
        boolean assets = risk.positions().stream().anyMatch(p -> p.marginAsset() != null);
        List<Quantity> columns = Quantity.of(Quantity.Scope.POSITION).stream()
                .filter(q -> assets || q != Quantity.MARGIN_ASSET).toList();
        row(out, columns.stream().map(q -> text(q.key())).toList());
        for (PositionRisk p : risk.positions()) {
            List<String> cells = new ArrayList<>();
            for (Quantity q : columns) {
                cells.add(cell(q, q.of(p)));
            }
            row(out, cells);
        }
        out.write(EOL);

        AccountRisk a = risk.account();
        row(out, List.of("account", "value"));
        if (a != null) {
            for (Quantity q : Quantity.of(Quantity.Scope.ACCOUNT)) {
                row(out, List.of(text(q.key()), cell(q, q.of(a))));
            }
        }

        if (!risk.markets().isEmpty()) {
            out.write(EOL);
            row(out, MARKET_COLUMNS.stream().map(ResultsCsv::text).toList());
            for (MarketRisk m : risk.markets()) {
                List<String> cells = new ArrayList<>();
                for (Quantity q : Quantity.of(Quantity.Scope.MARKET)) {
                    cells.add(cell(q, q.of(m)));
                }
                row(out, cells);
            }
        }

        if (!risk.warnings().isEmpty()) {
            out.write(EOL);
            row(out, List.of("warning"));
            for (String w : risk.warnings()) {
                row(out, List.of(text(w)));
            }
        }
        out.flush();
    }

    /** One value: text made safe, a count as a whole number, any other figure in plain form. */
    private static String cell(Quantity q, Object v) {
        if (q.unit() == Quantity.Unit.TEXT) {
            return text(v == null ? "" : v.toString());
        }
        if (q.unit() == Quantity.Unit.COUNT) {
            return v == null ? "" : Integer.toString(((Number) v).intValue());
        }
        return number(v == null ? null : ((Number) v).doubleValue());
    }

    /** The report as a string (for the clipboard). */
    public static String toCsv(PortfolioRisk risk) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            write(risk, sw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        out.write(String.join(",", cells));
        out.write(EOL);
    }

    /** A number in plain form ({@code -1234.5}, {@code 0.004}); empty for a missing or non-finite value. */
    static String number(Double v) {
        if (v == null || !Double.isFinite(v)) {
            return "";
        }
        if (v == 0) {
            return "0";
        }
        // rounded at export only, to 12 significant digits: binary noise (−1.7000000000000002) goes, the engine's
        // value is untouched
        return BigDecimal.valueOf(v).round(new java.math.MathContext(12)).stripTrailingZeros().toPlainString();
    }

    /** A text cell made safe for spreadsheets, then quoted as CSV needs. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String safe = startsLikeAFormula(s) ? "'" + s : s;
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0) {
            safe = '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    /**
     * Whether a spreadsheet could take the cell for a formula (OWASP, CSV injection): its first character that is not
     * blank or invisible is one of {@code = + - @}, or it starts with a tab, a carriage return or a line feed.
     * Blank and invisible means what spreadsheets skip before a formula: spaces of any width (U+3000 too), NUL and
     * other control characters, the byte-order mark and zero-width characters. Full-width and small forms
     * ({@code ＝ ＋ － ＠}, {@code ﹦ ﹢ ﹣ ﹫}) count as the characters they stand for (NFKC).
     */
    static boolean startsLikeAFormula(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n') {
                return true;
            }
            if (invisible(c)) {
                continue;
            }
            String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFKC);
            return plain.length() == 1 && "=+-@".indexOf(plain.charAt(0)) >= 0;
        }
        return false;
    }

    /** Blank or invisible: whitespace, spaces of any width, control characters, format characters (BOM, ZWSP). */
    private static boolean invisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT;
    }
}
