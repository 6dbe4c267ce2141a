package com.perprisk.engine.cascade;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.explain.Numbers;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;

/**
 * A liquidation cascade: a shock order hits the local book, the mark moves, positions whose liquidation price the
 * mark has crossed are liquidated by market orders into the same book, which move the mark again, and so on until a
 * round liquidates nobody. The mark either follows the local book's mid ({@link MarkRule#BOOK_MID}) or is anchored to a
 * multi-venue index in which this book has only a weight w ({@link MarkRule#INDEX_ANCHORED}: mark = P₀ + w × (mid −
 * P₀), the other venues unmoved). Liquidations filled worse than the bankruptcy price draw on the insurance fund;
 * what it cannot cover is auto-deleveraged.
 *
 * <p>Why the anchored mark never liquidates more: the book's mid falls (or rises) monotonically with the total size
 * sold (bought); the anchored mark lies between P₀ and the mid; so with no more sold, the anchored mark has crossed no
 * more liquidation prices, and by induction over the rounds it never sells more.
 */
public final class Cascade {
    private Cascade() {
    }

    /** How the mark is formed in the cascade. */
    public enum MarkRule {
        /** mark = mid of the local book. */
        BOOK_MID,
        /** mark = P₀ + w × (mid − P₀): the index moves only by this book's weight in it. */
        INDEX_ANCHORED
    }

    /**
     * One leveraged position of the population (or one bucket of a distribution of liquidation prices).
     *
     * @param bankruptcyPrice where its margin is gone; the fill beyond it is the insurance fund's loss
     */
    public record Holder(Side side, double size, double liquidationPrice, double bankruptcyPrice) {
        public Holder {
            present("side", side);
            positive("size", size);
            positive("liquidation price", liquidationPrice);
            positive("bankruptcy price", bankruptcyPrice);
            if (side == Side.LONG ? bankruptcyPrice > liquidationPrice : bankruptcyPrice < liquidationPrice) {
                throw new EngineException("a " + side.name().toLowerCase() + "'s bankruptcy price must lie beyond its"
                        + " liquidation price");
            }
        }

        /** Whether the mark has reached its liquidation price. */
        public boolean triggeredAt(double mark) {
            return side == Side.LONG ? mark <= liquidationPrice : mark >= liquidationPrice;
        }
    }

    /**
     * The cascade's set-up.
     *
     * @param book          the local book before the shock
     * @param holders       the leveraged population
     * @param shockSize     base size of the initial market order: negative sells, positive buys
     * @param indexWeight   w: this book's weight in the index (0 ≤ w ≤ 1), for {@link MarkRule#INDEX_ANCHORED}
     * @param insuranceFund the fund before the cascade
     * @param maxRounds     rounds simulated at most
     */
    public record Setup(OrderBook book, List<Holder> holders, double shockSize, double indexWeight,
                        double insuranceFund, int maxRounds) {
        public Setup {
            present("book", book);
            present("holders", holders);
            holders = List.copyOf(holders);
            if (shockSize == 0 || !Double.isFinite(shockSize)) {
                throw new EngineException("the shock must be a finite non-zero size (negative sells, positive buys)");
            }
            nonNegative("index weight", indexWeight);
            if (indexWeight > 1) {
                throw new EngineException("the index weight must be at most 1, got " + Numbers.plain(indexWeight));
            }
            nonNegative("insurance fund", insuranceFund);
            if (maxRounds < 1) {
                throw new EngineException("at least one round is needed");
            }
        }
    }

    /**
     * One round: the mark it started from, the positions it liquidated, their fill, the book mid and mark after.
     *
     * @param fundChange insurance fund change from this round's fills (+ surplus, − loss)
     */
    public record Round(int number, double markBefore, int liquidated, double liquidatedSize, Double averageFill,
                        double midAfter, double markAfter, double fundChange) {
    }

    /**
     * The whole cascade under one mark rule.
     *
     * @param unfilledSize  liquidation size the book could not absorb (closed by ADL)
     * @param adlAmount     loss neither the positions nor the fund could cover, taken from the opposite side by ADL
     */
    public record Outcome(MarkRule rule, List<Round> rounds, double initialMark, double finalMark, int liquidated,
                          double liquidatedSize, double insuranceFundEnd, double adlAmount, double unfilledSize,
                          boolean bookExhausted) {
        public Outcome {
            rounds = List.copyOf(rounds);
        }

        /** |final mark − initial mark| / initial mark. */
        public double markMove() {
            return Math.abs(finalMark - initialMark) / initialMark;
        }
    }

    /** Runs the cascade under a mark rule. */
    public static Outcome run(Setup s, MarkRule rule) {
        present("setup", s);
        present("mark rule", rule);
        OrderBook book = s.book();
        double p0 = book.mid();
        boolean sell = s.shockSize() < 0;
        double shock = Math.abs(s.shockSize());
        List<Round> rounds = new ArrayList<>();
        boolean exhausted = false;
        double available = book.sideSize(sell);
        double shockFilled = Math.min(shock, available);
        book = book.afterMarketOrder(shockFilled, sell);
        if (shockFilled < shock) {
            exhausted = true;
        }
        double mark = mark(book, p0, rule, s.indexWeight(), sell);
        boolean[] done = new boolean[s.holders().size()];
        double fund = s.insuranceFund();
        double deficit = 0;
        double unfilled = 0;
        int count = 0;
        double size = 0;
        for (int r = 1; r <= s.maxRounds() && !exhausted; r++) {
            List<Holder> hit = new ArrayList<>();
            for (int i = 0; i < done.length; i++) {
                Holder h = s.holders().get(i);
                // only the side the move hurts closes into the book in the shock's direction
                boolean hurt = sell ? h.side() == Side.LONG : h.side() == Side.SHORT;
                if (!done[i] && hurt && h.triggeredAt(mark)) {
                    done[i] = true;
                    hit.add(h);
                }
            }
            if (hit.isEmpty()) {
                break;
            }
            double roundSize = hit.stream().mapToDouble(Holder::size).sum();
            double fillable = Math.min(roundSize, book.sideSize(sell));
            Double avg = null;
            double fundChange = 0;
            if (fillable > 0) {
                OrderBook.Fill fill = book.fillBase(fillable, sell);
                avg = fill.averagePrice();
                book = book.afterMarketOrder(fillable, sell);
            }
            double share = roundSize == 0 ? 0 : fillable / roundSize;
            for (Holder h : hit) {
                double filledPart = h.size() * share;
                if (avg != null && filledPart > 0) {
                    // fund change = side × filled size × (fill − bankruptcy price): + surplus, − loss
                    fundChange += h.side().sign() * filledPart * (avg - h.bankruptcyPrice());
                }
            }
            if (fillable < roundSize) {
                unfilled += roundSize - fillable;
                exhausted = true;
            }
            fund += fundChange;
            if (fund < 0) {
                deficit += -fund;
                fund = 0;
            }
            count += hit.size();
            size += roundSize;
            double before = mark;
            double mid = book.sideSize(sell) > 0 && book.sideSize(!sell) > 0 ? book.mid() : Double.NaN;
            mark = exhausted && Double.isNaN(mid) ? mark : mark(book, p0, rule, s.indexWeight(), sell);
            rounds.add(new Round(r, before, hit.size(), roundSize, avg, Double.isNaN(mid) ? mark : mid, mark,
                    fundChange));
        }
        return new Outcome(rule, rounds, p0, mark, count, size, fund, deficit, unfilled, exhausted);
    }

    /** The mark of the book under a rule. */
    static double mark(OrderBook book, double p0, MarkRule rule, double weight, boolean sell) {
        if (book.sideSize(sell) == 0) {
            throw new EngineException("the shock alone empties the " + (sell ? "bids" : "asks")
                    + ": no mark can be formed; give the book more depth or a smaller shock");
        }
        double mid = book.mid();
        // book mid; anchored: P₀ + w × (mid − P₀)
        return rule == MarkRule.BOOK_MID ? mid : p0 + weight * (mid - p0);
    }
}
