package com.perprisk.ui.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Numbers in a text shown as the engine writes them (ten significant digits) rather than as the screen rounds. */
public final class Unrounded {
    private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,])\\d[\\d,]*(?:\\.\\d+)?");

    private Unrounded() {
    }

    /**
     * Each number as the engine writes it, ungrouped: with more than seven significant digits ("16214.85944",
     * "0.123456789"), or five integer digits and decimals ("54271.4"); or any with more than eight decimals.
     * Grouped amounts with their cents ("5,802,631.58") are the screen's.
     */
    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            String n = m.group();
            // significant digits: without the grouping, the point, leading zeros and trailing zeros ("200,000.00": 1)
            String digits = n.replace(",", "").replace(".", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
            boolean grouped = n.contains(",");
            int decimals = n.contains(".") ? n.length() - n.indexOf('.') - 1 : 0;
            // the engine writes numbers ungrouped: long ones, or five integer digits with decimals, are its own
            boolean engines = !grouped && (digits.length() > 7 || (decimals > 0 && n.indexOf('.') >= 5));
            if (engines || decimals > 8) {
                out.add(n);
            }
        }
        return out;
    }
}
