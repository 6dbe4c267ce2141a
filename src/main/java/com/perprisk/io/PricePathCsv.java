package com.perprisk.io;

import com.perprisk.engine.simulation.PricePath;

import com.perprisk.engine.EngineException;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parses a price path from CSV text: {@code timestamp, symbol, mark[, index, fundingRate]}, one row per market and
 * time. A first line whose first field is not a timestamp is a header. Timestamps are ISO-8601 instants or date-times
 * (read as UTC), or epoch seconds (milliseconds when ≥ 10¹²). Rows may come in any order; times are measured in hours
 * from the earliest. A market missing at a time keeps its previous mark, but every market must have a mark at the
 * earliest time. Empty lines and lines starting with # are skipped. Every problem is reported with its line number.
 */
public final class PricePathCsv {
    private PricePathCsv() {
    }

    /** One problem of a CSV file. */
    public record LineError(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    /** A CSV that cannot be read; carries every line-numbered problem. */
    public static final class CsvException extends EngineException {
        private static final long serialVersionUID = 1L;
        private final transient List<LineError> errors;

        public CsvException(List<LineError> errors) {
            super(errors.isEmpty() ? "invalid price path" : errors.get(0).toString()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
            this.errors = List.copyOf(errors);
        }

        public List<LineError> errors() {
            return errors;
        }
    }

    private record Row(int line, long millis, String symbol, double mark, double index, double funding) {
    }

    public static PricePath parse(String text) {
        List<LineError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\r\n|\n|\r", -1);
        boolean first = true;
        for (int i = 0; i < lines.length; i++) {
            int no = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            for (int j = 0; j < f.length; j++) {
                f[j] = f[j].strip();
            }
            boolean header = first && timestamp(f[0]) == null;
            first = false;
            if (header) {
                continue;
            }
            if (f.length < 3 || f.length > 5) {
                errors.add(new LineError(no, "expected 3 to 5 fields (timestamp, symbol, mark[, index, fundingRate]),"
                        + " found " + f.length));
                continue;
            }
            Long millis = timestamp(f[0]);
            if (millis == null) {
                errors.add(new LineError(no, "timestamp \"" + f[0] + "\" is neither an ISO-8601 time nor epoch seconds"));
            }
            if (f[1].isEmpty()) {
                errors.add(new LineError(no, "symbol is empty"));
            }
            double mark = number(f[2], "mark", no, errors, true);
            double index = f.length > 3 && !f[3].isEmpty() ? number(f[3], "index", no, errors, true) : Double.NaN;
            double funding = f.length > 4 && !f[4].isEmpty() ? number(f[4], "fundingRate", no, errors, false)
                    : Double.NaN;
            if (millis != null && !f[1].isEmpty()) {
                rows.add(new Row(no, millis, f[1], mark, index, funding));
            }
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(Math.max(1, lines.length), "no price rows"));
        }
        // group by time, then by symbol
        TreeMap<Long, Map<String, Row>> byTime = new TreeMap<>();
        List<String> symbols = new ArrayList<>();
        for (Row r : rows) {
            Map<String, Row> at = byTime.computeIfAbsent(r.millis(), t -> new LinkedHashMap<>());
            Row prev = at.put(r.symbol(), r);
            if (prev != null) {
                errors.add(new LineError(r.line(), r.symbol() + " already has a row at this time (line "
                        + prev.line() + ")"));
            }
            if (!symbols.contains(r.symbol())) {
                symbols.add(r.symbol());
            }
        }
        if (!byTime.isEmpty()) {
            Map<String, Row> firstRows = byTime.firstEntry().getValue();
            for (Row r : rows) {
                if (!firstRows.containsKey(r.symbol()) && symbols.indexOf(r.symbol()) >= 0) {
                    errors.add(new LineError(r.line(), r.symbol() + " has no mark at the first time of the path;"
                            + " every market must start there"));
                    symbols.remove(r.symbol());
                }
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Integer.compare(a.line(), b.line()));
            throw new CsvException(errors);
        }
        int n = symbols.size();
        int points = byTime.size();
        double[] times = new double[points];
        double[][] marks = new double[n][points];
        double[][] index = PricePath.nan(n, points);
        double[][] funding = PricePath.nan(n, points);
        long t0 = byTime.firstKey();
        int k = 0;
        for (Map.Entry<Long, Map<String, Row>> e : byTime.entrySet()) {
            // hours since the first time = Δms / 3,600,000
            times[k] = (e.getKey() - t0) / 3_600_000.0;
            for (int i = 0; i < n; i++) {
                Row r = e.getValue().get(symbols.get(i));
                if (r == null) {
                    marks[i][k] = marks[i][k - 1];
                    index[i][k] = index[i][k - 1];
                } else {
                    marks[i][k] = r.mark();
                    index[i][k] = r.index();
                    funding[i][k] = r.funding();
                }
            }
            k++;
        }
        return PricePath.of(symbols, times, marks, index, funding);
    }

    private static double number(String s, String field, int line, List<LineError> errors, boolean positive) {
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || (positive && v <= 0)) {
                errors.add(new LineError(line, field + " must be " + (positive ? "a positive" : "a finite")
                        + " number, got " + s));
                return Double.NaN;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new LineError(line, field + " \"" + s + "\" is not a number"));
            return Double.NaN;
        }
    }

    /** Epoch milliseconds of a timestamp field, or null. */
    static Long timestamp(String s) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            double v = Double.parseDouble(s);
            if (!Double.isFinite(v) || v < 0) {
                return null;
            }
            // epoch milliseconds from 10¹² on, else epoch seconds
            return v >= 1e12 ? (long) v : Math.round(v * 1000);
        } catch (NumberFormatException ignored) {
            // not a number: try ISO-8601
        }
        try {
            return Instant.parse(s).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not an instant with a zone
        }
        try {
            return LocalDateTime.parse(s.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            return null;
        }
    }
}
