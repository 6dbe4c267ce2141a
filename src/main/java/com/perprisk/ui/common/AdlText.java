package com.perprisk.ui.common;

import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlQueue;
import com.perprisk.ui.format.Formats;

/** ADL standings in words, for the lights' tooltip and the ADL tile. */
public final class AdlText {
    private AdlText() {
    }

    /** "BTCUSDT long queue: 12th of 401, score 0.5213, 4 of 5 lights" or why it is not in line. */
    public static String standing(Formats fmt, AdlQueue.Standing st) {
        String queue = st.symbol() + " " + (st.side() == Side.LONG ? "long" : "short") + " queue";
        String score = st.score() == null ? "score undefined" : "score " + fmt.number(st.score(), 4);
        if (!st.inLine()) {
            return queue + ": at the back (losing or break-even positions are not deleveraged), " + score;
        }
        return queue + ": " + ordinal(st.place()) + " of " + st.queueSize() + ", " + score + ", " + st.lights()
                + " of 5 lights";
    }

    /** Short enough for a tile (the value says "back" or the lights): "btc-long · long 12th", "btc-long · long". */
    public static String brief(String id, AdlQueue.Standing st) {
        if (!st.inLine()) {
            return id + " · " + side(st);
        }
        return id + " · " + side(st) + " " + ordinal(st.place());
    }

    private static String side(AdlQueue.Standing st) {
        return st.side() == Side.LONG ? "long" : "short";
    }

    static String ordinal(int n) {
        int t = n % 100;
        String suffix = t >= 11 && t <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
