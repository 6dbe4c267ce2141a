package com.perprisk.ui.workspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds and describes the field paths used by {@link InputProblem}. */
public final class FieldPaths {
    private static final Pattern INDEXED = Pattern.compile("([A-Za-z]+)\\[(\\d+)]");
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("walletBalance", "wallet balance"), Map.entry("positionMode", "position mode"),
            Map.entry("horizonHours", "horizon"), Map.entry("symbol", "symbol"), Map.entry("side", "side"),
            Map.entry("size", "size"), Map.entry("entryPrice", "entry price"), Map.entry("leverage", "leverage"),
            Map.entry("marginMode", "margin mode"), Map.entry("isolatedMargin", "isolated margin"),
            Map.entry("extraMargin", "extra margin"), Map.entry("convention", "venue"),
            Map.entry("markPrice", "mark price"), Map.entry("indexPrice", "index price"),
            Map.entry("takerFeeRate", "taker fee"), Map.entry("rate", "rate"),
            Map.entry("intervalHours", "interval"), Map.entry("price", "price"),
            Map.entry("daysToExpiry", "days to expiry"), Map.entry("floor", "floor"), Map.entry("cap", "cap"),
            Map.entry("maxLeverage", "max leverage"), Map.entry("mmr", "MMR"),
            Map.entry("maintenanceAmount", "maintenance amount"), Map.entry("funding", "funding"),
            Map.entry("future", "dated future"), Map.entry("dydx", "dYdX margin"));

    private FieldPaths() {
    }

    public static String position(int index, String field) {
        return "positions[" + index + "]." + field;
    }

    public static String market(int index, String field) {
        return "markets[" + index + "]." + field;
    }

    public static String tier(int market, int tier, String field) {
        return "markets[" + market + "].tiers[" + tier + "]." + field;
    }

    public static String account(String field) {
        return "account." + field;
    }

    private static final Pattern POSITION_REF = Pattern.compile("positions\\[(\\d+)]");
    private static final Pattern ENUM_WORD = Pattern.compile("\\b(ONE_WAY|HEDGE|LONG|SHORT|CROSS|ISOLATED)\\b");

    /**
     * A path with each position named as the user sees it in the table (its ID): "positions[0].leverage" →
     * "Position btc-long · leverage".
     */
    public static String describe(String path, List<String> positionIds) {
        return describe(name(path, positionIds));
    }

    /**
     * A message in the user's words: "positions[0]" → "position btc-long", "ONE_WAY" → "one-way", "LONG" → "long".
     */
    public static String inUserWords(String message, List<String> positionIds) {
        if (message == null) {
            return null;
        }
        Matcher m = POSITION_REF.matcher(message);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            int i = Integer.parseInt(m.group(1));
            String id = i < positionIds.size() && !positionIds.get(i).isBlank() ? positionIds.get(i) : null;
            m.appendReplacement(sb, Matcher.quoteReplacement(
                    id == null ? "position " + (i + 1) : "position " + com.perprisk.io.Messages.oneLine(id)));
        }
        m.appendTail(sb);
        Matcher e = ENUM_WORD.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (e.find()) {
            e.appendReplacement(out, e.group(1).equals("ONE_WAY") ? "one-way" : e.group(1).toLowerCase(Locale.ROOT));
        }
        e.appendTail(out);
        return out.toString();
    }

    /** Replaces the index of a leading "positions[i]" by the position's id (kept in brackets for describe). */
    private static String name(String path, List<String> ids) {
        if (path == null) {
            return null;
        }
        Matcher m = Pattern.compile("^positions\\[(\\d+)]").matcher(path);
        if (m.find()) {
            int i = Integer.parseInt(m.group(1));
            if (i < ids.size() && ids.get(i) != null && !ids.get(i).isBlank()) {
                // a dot in the id must not split the path: held as U+0000 until shown
                return "positions{" + ids.get(i).replace('.', '\u0000') + "}" + path.substring(m.end());
            }
        }
        return path;
    }

    /** "positions[2].leverage" → "Position 3 · leverage"; "markets[0].tiers[1].mmr" → "Market 1 · tier 2 · MMR". */
    public static String describe(String path) {
        if (path == null || path.isEmpty()) {
            return "Workspace";
        }
        StringBuilder sb = new StringBuilder();
        for (String part : path.split("\\.")) {
            if (sb.length() > 0) {
                sb.append(" · ");
            }
            Matcher m = INDEXED.matcher(part);
            if (part.startsWith("positions{") && part.endsWith("}")) {
                sb.append("Position ").append(com.perprisk.io.Messages.oneLine(
                        part.substring("positions{".length(), part.length() - 1).replace('\u0000', '.')));
            } else if (m.matches()) {
                String what = switch (m.group(1)) {
                    case "positions" -> "Position";
                    case "markets" -> "Market";
                    case "tiers" -> sb.length() > 0 ? "tier" : "Tier";
                    default -> m.group(1);
                };
                sb.append(what).append(' ').append(Integer.parseInt(m.group(2)) + 1);
            } else if (part.equals("account")) {
                sb.append("Account");
            } else {
                sb.append(LABELS.getOrDefault(part, part));
            }
        }
        return sb.toString();
    }
}
