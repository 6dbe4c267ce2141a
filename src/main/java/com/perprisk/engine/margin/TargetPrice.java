package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;

import java.util.List;

import static com.perprisk.engine.explain.Numbers.plain;
import static com.perprisk.engine.explain.Numbers.term;

/**
 * Exit-price questions of a position: the price for a desired ROE or PnL, and the PnL and ROE at a price.
 * ROE is PnL over the initial margin at entry, IM = Q × EP / L, so ROE = side × L × (P − EP) / EP and
 * P = EP × (1 + side × ROE / L) (Binance's calculator: long EP × (1 + ROE / L), short EP × (1 − ROE / L)).
 */
public final class TargetPrice {
    private TargetPrice() {
    }

    /** The exit price that gives a desired ROE: P = EP × (1 + side × ROE / L). */
    public static double forRoe(Side side, double entryPrice, double leverage, double roe) {
        if (!(entryPrice > 0) || !(leverage > 0) || !Double.isFinite(roe)) {
            throw new EngineException("target price needs a positive entry price and leverage and a finite ROE");
        }
        // P = EP × (1 + side × ROE / L)
        double p = entryPrice * (1 + side.sign() * roe / leverage);
        if (!(p > 0)) {
            throw new EngineException("an ROE of " + plain(roe) + " at " + plain(leverage) + "x cannot be reached:"
                    + " the price would be " + plain(p) + " (≤ 0)");
        }
        return p;
    }

    /** The exit price that gives a desired PnL: P = EP + side × PnL / Q. */
    public static double forPnl(Side side, double entryPrice, double size, double pnl) {
        if (!(entryPrice > 0) || !(size > 0) || !Double.isFinite(pnl)) {
            throw new EngineException("target price needs a positive entry price and size and a finite PnL");
        }
        // P = EP + side × PnL / Q
        double p = entryPrice + side.sign() * pnl / size;
        if (!(p > 0)) {
            throw new EngineException("a PnL of " + plain(pnl) + " on a size of " + plain(size) + " cannot be reached:"
                    + " the price would be " + plain(p) + " (≤ 0)");
        }
        return p;
    }

    /** ROE of a position closed at P: side × Q × (P − EP) / (Q × EP / L). */
    public static double roeAt(Side side, double entryPrice, double leverage, double price) {
        return side.sign() * (price - entryPrice) * leverage / entryPrice;
    }

    /** PnL of a position closed at P: side × Q × (P − EP). */
    public static double pnlAt(Side side, double size, double entryPrice, double price) {
        return side.sign() * size * (price - entryPrice);
    }

    /** Binance's open-positions screen: PnL over the margin at the price, side × L × (P − EP) / P. */
    public static double roeOnMarginAt(Side side, double entryPrice, double leverage, double price) {
        // ROE_screen = side × Q × (P − EP) / (Q × P / L)
        return side.sign() * (price - entryPrice) * leverage / price;
    }

    public static Explanation explainForRoe(Side side, double entryPrice, double leverage, double roe, double p) {
        return new Explanation("Target price for an ROE", "P = EP × (1 + side × ROE / L)",
                List.of(new Term("side", side.name().toLowerCase(), side.sign(), ""),
                        new Term("EP", "entry price", entryPrice, "quote"),
                        new Term("ROE", "desired return on the initial margin at entry", roe, "rate"),
                        new Term("L", "leverage", leverage, "×")),
                "P = " + plain(entryPrice) + " × (1 + " + side.sign() + " × " + term(roe) + " / " + plain(leverage)
                        + ")", p,
                List.of("ROE is PnL over the initial margin at entry (IM = Q × EP / L), as Binance's futures"
                        + " calculator defines it: long EP × (1 + ROE / L), short EP × (1 − ROE / L).",
                        "Fees are not included."));
    }

    public static Explanation explainForPnl(Side side, double entryPrice, double size, double pnl, double p) {
        return new Explanation("Target price for a PnL", "P = EP + side × PnL / Q",
                List.of(new Term("side", side.name().toLowerCase(), side.sign(), ""),
                        new Term("EP", "entry price", entryPrice, "quote"),
                        new Term("PnL", "desired profit (negative: a loss)", pnl, "quote"),
                        new Term("Q", "size", size, "base")),
                "P = " + plain(entryPrice) + " + " + side.sign() + " × " + term(pnl) + " / " + plain(size), p,
                List.of("Fees are not included."));
    }

    public static Explanation explainPnlAt(Side side, double size, double entryPrice, double price) {
        return new Explanation("PnL at the exit price", "PnL = side × Q × (X − EP)",
                List.of(new Term("side", side.name().toLowerCase(), side.sign(), ""),
                        new Term("Q", "size", size, "base"), new Term("X", "exit price", price, "quote"),
                        new Term("EP", "entry price", entryPrice, "quote")),
                "PnL = " + side.sign() + " × " + plain(size) + " × (" + plain(price) + " − " + plain(entryPrice) + ")",
                pnlAt(side, size, entryPrice, price), List.of("Before fees."));
    }

    public static Explanation explainRoeAt(Side side, double size, double entryPrice, double leverage, double price) {
        double pnl = pnlAt(side, size, entryPrice, price);
        double im = size * entryPrice / leverage;
        return new Explanation("ROE at the exit price", "ROE = PnL / IM,  IM = Q × EP / L",
                List.of(new Term("PnL", "PnL at the exit price", pnl, "quote"),
                        new Term("IM", "initial margin at entry", im, "quote")),
                "ROE = " + term(pnl) + " / " + plain(im), pnl / im,
                List.of("ROE is PnL over the initial margin at entry (Binance's futures calculator);"
                        + " ROE = side × L × (X − EP) / EP.",
                        "Binance's open-positions screen divides by the margin at the price instead: see the"
                                + " ROE on margin at the exit price."));
    }

    public static Explanation explainRoeOnMarginAt(Side side, double size, double entryPrice, double leverage,
                                                   double price) {
        double pnl = pnlAt(side, size, entryPrice, price);
        double margin = size * price / leverage;
        return new Explanation("ROE on margin at the exit price (positions screen)", "ROE = PnL / (Q × X / L)",
                List.of(new Term("PnL", "PnL at the exit price", pnl, "quote"),
                        new Term("Q", "size", size, "base"), new Term("X", "exit price", price, "quote"),
                        new Term("L", "leverage", leverage, "×")),
                "ROE = " + term(pnl) + " / (" + plain(size) + " × " + plain(price) + " / " + plain(leverage) + ")",
                pnl / margin,
                List.of("Binance's open-positions screen: PnL over the margin the position needs at the mark (here"
                        + " the exit price), so it differs from the ROE on the initial margin at entry."));
    }
}
