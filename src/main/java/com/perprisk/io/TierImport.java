package com.perprisk.io;

import com.perprisk.io.JsonTree.Node;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tier tables from outside: a CSV the user typed or exported, or the JSON of Binance's
 * {@code GET /fapi/v1/leverageBracket}. Both give brackets as {@link TierDoc}s, unchecked: the market's convention
 * checks them ({@link com.perprisk.engine.tier.TierTable#resolve}) once they are placed in a workspace.
 */
public final class TierImport {
    private static final List<String> COLUMNS = List.of("floor", "cap", "maxLeverage", "mmr", "maintenanceAmount");
    private static final Set<String> BRACKET_FIELDS = Set.of("bracket", "initialLeverage", "notionalCap",
            "notionalFloor", "maintMarginRatio", "cum");

    private TierImport() {
    }

    /**
     * Reads CSV with the header {@code floor,cap,maxLeverage,mmr,maintenanceAmount} (columns in any order;
     * {@code mmr} and {@code maintenanceAmount} optional, as are their cells). An empty cap (or "inf", "∞") leaves
     * the last bracket open. Rates may be written as decimals (0.004) or percentages (0.4%). Quoted cells, {@code ;}
     * as separator with decimal commas ({@code 0,004}), blank lines and lines starting with '#': see
     * {@link CsvTable}. Errors name the line: {@code line 4: maxLeverage: expected a number, got "x"}.
     */
    public static List<TierDoc> fromCsv(String csv) throws WorkspaceException {
        if (csv == null || csv.isBlank()) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "the CSV is empty; expected the header "
                    + String.join(",", COLUMNS));
        }
        if (csv.length() > JsonTree.MAX_BYTES) {
            throw JsonTree.tooLarge(csv.length());
        }
        CsvTable table = CsvTable.parse(csv);
        Map<String, Integer> index = null;
        List<TierDoc> out = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            int lineNo = row.line();
            String[] cells = row.cells().toArray(new String[0]);
            if (index == null) {
                index = header(cells, lineNo);
                continue;
            }
            if (cells.length > index.size()) {
                throw lineError(lineNo, null, "has " + cells.length + " cells but the header has " + index.size()
                        + (table.separator() == ',' ? " (quote a number with thousands separators, \"50,000\", or"
                        + " separate cells with ; to write decimal commas)" : ""));
            }
            Double floor = cell(table, cells, index, "floor", lineNo, true, false);
            Double cap = cell(table, cells, index, "cap", lineNo, false, false);
            Double maxLev = cell(table, cells, index, "maxLeverage", lineNo, true, false);
            Double mmr = cell(table, cells, index, "mmr", lineNo, false, true);
            Double amount = cell(table, cells, index, "maintenanceAmount", lineNo, false, false);
            out.add(new TierDoc(floor, cap, maxLev, mmr, amount));
        }
        if (index == null) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "the CSV has no header; expected "
                    + String.join(",", COLUMNS));
        }
        if (out.isEmpty()) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "the CSV has a header but no brackets");
        }
        return out;
    }

    private static Map<String, Integer> header(String[] cells, int lineNo) throws WorkspaceException {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < cells.length; c++) {
            String name = null;
            for (String col : COLUMNS) {
                if (col.equalsIgnoreCase(cells[c])) {
                    name = col;
                }
            }
            if (name == null) {
                throw lineError(lineNo, null, "unknown column " + JsonTree.quote(cells[c]) + "; the header is "
                        + String.join(",", COLUMNS) + " (the last two optional)");
            }
            if (index.put(name, c) != null) {
                throw lineError(lineNo, null, "column " + name + " appears twice");
            }
        }
        for (String need : List.of("floor", "cap", "maxLeverage")) {
            if (!index.containsKey(need)) {
                throw lineError(lineNo, null, "the header lacks the column " + need + "; expected "
                        + String.join(",", COLUMNS));
            }
        }
        return index;
    }

    private static Double cell(CsvTable table, String[] cells, Map<String, Integer> index, String column,
                               int lineNo, boolean required, boolean rate) throws WorkspaceException {
        Integer c = index.get(column);
        String text = c == null || c >= cells.length ? "" : cells[c].strip();
        if (text.isEmpty()) {
            if (required) {
                throw lineError(lineNo, column, "missing");
            }
            return null;
        }
        if (column.equals("cap") && (text.equalsIgnoreCase("inf") || text.equalsIgnoreCase("infinity")
                || text.equals("∞"))) {
            return null;
        }
        boolean percent = text.endsWith("%");
        String numberText = table.numberText(percent ? text.substring(0, text.length() - 1).trim() : text);
        double v;
        try {
            v = Double.parseDouble(numberText);
        } catch (NumberFormatException e) {
            throw lineError(lineNo, column, "expected a number, got " + JsonTree.quote(text));
        }
        if (!Double.isFinite(v) || numberText.toLowerCase(Locale.ROOT).matches(".*[a-df-z].*")) {
            throw lineError(lineNo, column, "expected a finite number, got " + JsonTree.quote(text));
        }
        if (percent) {
            if (!rate) {
                throw lineError(lineNo, column, "a percentage makes sense only for mmr, got " + JsonTree.quote(text));
            }
            v = v / 100.0;
        }
        return v;
    }

    private static WorkspaceException lineError(int line, String column, String message) {
        return new WorkspaceException(WorkspaceException.Kind.INVALID, message, column, line, -1, null);
    }

    /**
     * Reads the JSON of Binance's {@code GET /fapi/v1/leverageBracket}: an array of
     * {@code {"symbol", "brackets": [{"bracket", "initialLeverage", "notionalCap", "notionalFloor",
     * "maintMarginRatio", "cum"}]}}, or one such object. Numbers given as text ("125") are accepted.
     *
     * @param symbol the symbol to take; may be {@code null} when the JSON holds exactly one symbol
     */
    public static List<TierDoc> fromBinanceLeverageBracket(String json, String symbol) throws WorkspaceException {
        Node root = JsonTree.parse(json);
        Node chosen = null;
        String chosenPath = "";
        List<String> seen = new ArrayList<>();
        if (root.isArray()) {
            List<Node> items = root.array();
            for (int i = 0; i < items.size(); i++) {
                JsonObject o = JsonObject.of(items.get(i), "[" + i + "]", Set.of("symbol", "brackets", "notionalCoef",
                        "pair"));
                String s = o.text("symbol") != null ? o.text("symbol") : o.text("pair");
                seen.add(s);
                if (symbol == null ? items.size() == 1 : symbol.equalsIgnoreCase(s)) {
                    chosen = items.get(i);
                    chosenPath = "[" + i + "]";
                    break;
                }
            }
            if (chosen == null) {
                throw new WorkspaceException(WorkspaceException.Kind.INVALID, symbol == null
                        ? "the response holds " + items.size() + " symbols; say which one to import"
                        : "no brackets for " + symbol + " in the response (it has " + (seen.isEmpty() ? "none"
                        : String.join(", ", seen.subList(0, Math.min(10, seen.size()))) + (seen.size() > 10 ? ", …" : ""))
                        + ")");
            }
        } else if (root.isObject()) {
            chosen = root;
            JsonObject o = JsonObject.of(root, "", Set.of("symbol", "brackets", "notionalCoef", "pair"));
            String s = o.text("symbol") != null ? o.text("symbol") : o.text("pair");
            if (symbol != null && s != null && !symbol.equalsIgnoreCase(s)) {
                throw new WorkspaceException(WorkspaceException.Kind.INVALID, "the response is for " + s + ", not "
                        + symbol);
            }
        } else {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "expected the JSON of GET "
                    + "/fapi/v1/leverageBracket (an array of {symbol, brackets}), got " + root.describe());
        }
        JsonObject o = JsonObject.of(chosen, chosenPath, Set.of("symbol", "brackets", "notionalCoef", "pair"));
        List<Node> brackets = o.array("brackets");
        if (brackets == null || brackets.isEmpty()) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "no brackets", o.childPath("brackets"),
                    chosen.line(), chosen.column(), null);
        }
        List<TierDoc> out = new ArrayList<>();
        for (int k = 0; k < brackets.size(); k++) {
            String at = o.childPath("brackets") + "[" + k + "]";
            JsonObject b = JsonObject.of(brackets.get(k), at, BRACKET_FIELDS);
            Double floor = need(b, "notionalFloor");
            Double cap = need(b, "notionalCap");
            Double lev = need(b, "initialLeverage");
            Double mmr = need(b, "maintMarginRatio");
            Double cum = b.lenientNumber("cum");
            out.add(new TierDoc(floor, cap, lev, mmr, cum));
        }
        out.sort(Comparator.comparingDouble(TierDoc::floor));
        return out;
    }

    private static Double need(JsonObject b, String name) throws WorkspaceException {
        Double v = b.lenientNumber(name);
        if (v == null) {
            throw new WorkspaceException(WorkspaceException.Kind.INVALID, "missing", b.childPath(name),
                    b.node().line(), b.node().column(), null);
        }
        return v;
    }
}
