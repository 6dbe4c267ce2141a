package com.perprisk.ui.export;

import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.MarketRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's results as CSV (RFC 4180, CRLF line ends): a header and one row per position with every calc field,
 * then a blank line and an account block (field,value), then a market block, then any warnings.
 *
 * <ul>
 *   <li>Numbers are written in plain, locale-independent form: {@code -1234.5}, never grouped, never an exponent.
 *       A value that does not exist (no liquidation price) is an empty cell.</li>
 *   <li>Text cells (ids, symbols, warnings) that start with {@code = + - @}, a tab or a carriage return get a single
 *       quote in front, so a spreadsheet shows them as text instead of running them as a formula.</li>
 *   <li>Cells with a comma, a double quote or a line break are quoted, with quotes doubled.</li>
 * </ul>
 */
public final class ResultsCsv {
    /** Position columns, in order: the calc field names of {@link PositionRisk}. */
    public static final List<String> POSITION_COLUMNS = List.of("id", "symbol", "side", "marginMode", "notional",
            "unrealizedPnl", "roe", "initialMargin", "maintenanceMargin", "maintenanceMarginRate", "bracket", "margin",
            "liquidationPrice", "bankruptcyPrice", "distanceToLiquidation", "marginRatio", "adlScore", "adlQuintile",
            "fundingPerSettlement", "fundingOverHorizon");

    /** Market columns: the fields of {@link MarketRisk}. */
    public static final List<String> MARKET_COLUMNS = List.of("symbol", "premium", "fundingApr", "fundingApy", "basis",
            "basisRate", "annualizedBasis");

    private static final String EOL = "\r\n";

    private ResultsCsv() {
    }

    /** Writes the whole report. Does not close the writer. */
    public static void write(PortfolioRisk risk, Writer out) throws IOException {
        row(out, POSITION_COLUMNS.stream().map(ResultsCsv::text).toList());
        for (PositionRisk p : risk.positions()) {
            List<String> cells = new ArrayList<>();
            cells.add(text(p.id()));
            cells.add(text(p.symbol()));
            cells.add(text(p.side() == null ? "" : p.side().name()));
            cells.add(text(p.marginMode() == null ? "" : p.marginMode().name()));
            cells.add(number(p.notional()));
            cells.add(number(p.unrealizedPnl()));
            cells.add(number(p.roe()));
            cells.add(number(p.initialMargin()));
            cells.add(number(p.maintenanceMargin()));
            cells.add(number(p.maintenanceMarginRate()));
            cells.add(Integer.toString(p.bracket()));
            cells.add(number(p.margin()));
            cells.add(number(p.liquidationPrice()));
            cells.add(number(p.bankruptcyPrice()));
            cells.add(number(p.distanceToLiquidation()));
            cells.add(number(p.marginRatio()));
            cells.add(number(p.adlScore()));
            cells.add(Integer.toString(p.adlQuintile()));
            cells.add(number(p.fundingPerSettlement()));
            cells.add(number(p.fundingOverHorizon()));
            row(out, cells);
        }
        out.write(EOL);

        AccountRisk a = risk.account();
        row(out, List.of("account", "value"));
        if (a != null) {
            row(out, List.of("walletBalance", number(a.walletBalance())));
            row(out, List.of("unrealizedPnl", number(a.unrealizedPnl())));
            row(out, List.of("marginBalance", number(a.marginBalance())));
            row(out, List.of("initialMargin", number(a.initialMargin())));
            row(out, List.of("maintenanceMargin", number(a.maintenanceMargin())));
            row(out, List.of("marginRatio", number(a.marginRatio())));
            row(out, List.of("availableBalance", number(a.availableBalance())));
        }

        if (!risk.markets().isEmpty()) {
            out.write(EOL);
            row(out, MARKET_COLUMNS.stream().map(ResultsCsv::text).toList());
            for (MarketRisk m : risk.markets()) {
                row(out, List.of(text(m.symbol()), number(m.premium()), number(m.fundingApr()),
                        number(m.fundingApy()), number(m.basis()), number(m.basisRate()),
                        number(m.annualizedBasis())));
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
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A text cell made safe for spreadsheets, then quoted as CSV needs. */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        String safe = s;
        if (!safe.isEmpty()) {
            char c = safe.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                safe = "'" + safe;
            }
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                || safe.indexOf('\r') >= 0) {
            safe = '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
