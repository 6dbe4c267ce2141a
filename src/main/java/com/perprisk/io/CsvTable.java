package com.perprisk.io;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A CSV reader for imports (RFC 4180 and what spreadsheets write): cells separated by {@code ,} or {@code ;} (the
 * separator is the one the header row uses); a cell in double quotes may hold the separator, line breaks and doubled
 * quotes ({@code ""}); a byte-order mark, blank lines and lines starting with {@code #} are skipped. With {@code ;}
 * the decimal separator is the comma ({@code 0,004}) and {@code .} groups thousands ({@code 1.000.000}); with
 * {@code ,} it is the point, and a quoted cell may group thousands with commas ({@code "50,000"}).
 */
final class CsvTable {
    /** One record and the line it starts on (1-based). */
    record Row(int line, List<String> cells) {
    }

    private static final Pattern POINT_GROUPED = Pattern.compile("[-+]?[1-9]\\d{0,2}(\\.\\d{3})+(,\\d+)?");
    private static final Pattern COMMA_GROUPED = Pattern.compile("[-+]?[1-9]\\d{0,2}(,\\d{3})+(\\.\\d+)?");

    private final char separator;
    private final List<Row> rows;

    private CsvTable(char separator, List<Row> rows) {
        this.separator = separator;
        this.rows = rows;
    }

    /** The separator in use: ',' or ';'. */
    char separator() {
        return separator;
    }

    /** The header row first, then the data rows, without blank and comment lines. */
    List<Row> rows() {
        return rows;
    }

    static CsvTable parse(String text) throws WorkspaceException {
        String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char sep = detectSeparator(s);
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = s.length();
        while (i < n) {
            int start = line;
            // skip blank and comment lines between records
            int eol = lineEnd(s, i);
            String raw = s.substring(i, eol);
            if (raw.isBlank() || raw.strip().startsWith("#")) {
                i = skipBreak(s, eol);
                line++;
                continue;
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            boolean endOfRecord = false;
            while (i < n && !endOfRecord) {
                char c = s.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < n && s.charAt(i + 1) == '"') {
                            cell.append('"');
                            i += 2;
                        } else {
                            quoted = false;
                            i++;
                        }
                    } else {
                        if (c == '\n' || c == '\r' && (i + 1 >= n || s.charAt(i + 1) != '\n')) {
                            line++;
                        }
                        cell.append(c);
                        i++;
                    }
                } else if (c == '"' && cell.toString().isBlank() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                    cell.setLength(0);
                    i++;
                } else if (c == sep) {
                    cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
                    cell.setLength(0);
                    wasQuoted = false;
                    i++;
                } else if (c == '\n' || c == '\r') {
                    endOfRecord = true;
                } else {
                    if (wasQuoted && !Character.isWhitespace(c)) {
                        throw new WorkspaceException(WorkspaceException.Kind.INVALID, "unexpected "
                                + JsonTree.quote(String.valueOf(c)) + " after the closing quote of a cell", null,
                                line, -1, null);
                    }
                    if (!wasQuoted) {
                        cell.append(c);
                    }
                    i++;
                }
            }
            if (quoted) {
                throw new WorkspaceException(WorkspaceException.Kind.INVALID, "a quoted cell is never closed (a \" "
                        + "is missing)", null, start, -1, null);
            }
            cells.add(wasQuoted ? cell.toString() : cell.toString().strip());
            rows.add(new Row(start, List.copyOf(cells)));
            i = skipBreak(s, i);
            line++;
        }
        return new CsvTable(sep, rows);
    }

    /** ';' when the first record line (the header) has a ';' outside quotes, else ','. */
    private static char detectSeparator(String s) {
        boolean quoted = false;
        boolean started = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!started) {
                int eol = lineEnd(s, i);
                String raw = s.substring(i, eol);
                if (raw.isBlank() || raw.strip().startsWith("#")) {
                    i = skipBreak(s, eol) - 1;
                    continue;
                }
                started = true;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ';') {
                return ';';
            } else if (!quoted && (c == ',' || c == '\n' || c == '\r')) {
                return ',';
            }
        }
        return ',';
    }

    private static int lineEnd(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private static int skipBreak(String s, int i) {
        if (i < s.length() && s.charAt(i) == '\r') {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '\n') {
            i++;
        }
        return i;
    }

    /**
     * A number cell as Java reads it ("0.004"), by the decimal convention of this table's separator; spaces
     * (also no-break and thin spaces) are dropped.
     */
    String numberText(String cell) {
        String t = cell.replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        if (separator == ';') {
            if (POINT_GROUPED.matcher(t).matches()) {
                t = t.replace(".", "");
            }
            return t.replace(',', '.');
        }
        if (COMMA_GROUPED.matcher(t).matches()) {
            return t.replace(",", "");
        }
        return t;
    }
}
