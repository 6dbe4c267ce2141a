package com.perprisk.engine.vamm;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Numbers;
import com.perprisk.engine.explain.Term;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.EngineInputs.finite;
import static com.perprisk.engine.EngineInputs.nonNegative;
import static com.perprisk.engine.EngineInputs.positive;
import static com.perprisk.engine.EngineInputs.present;

/**
 * A virtual AMM as Perpetual Protocol v1 runs it ({@code Amm.sol}): virtual quote and base reserves with
 * k = quote × base held constant by each trade, so the price quote / base moves along the curve as traders buy and
 * sell. Amounts are computed in 18-decimal fixed point exactly as the contract does ({@code getInputPrice},
 * {@code getOutputPrice}, with its one-wei rounding in the AMM's favour), then handed back as doubles.
 *
 * <ul>
 *   <li>quote in q (long by quote): base out = B − k / (Q + q)</li>
 *   <li>quote out q (short by quote): base in = k / (Q − q) − B</li>
 *   <li>base in b (short by base): quote out = Q − k / (B + b)</li>
 *   <li>base out b (long by base): quote in = k / (B − b) − Q</li>
 * </ul>
 * Toll and spread are charged on the quote amount: toll = quote × toll ratio, spread = quote × spread ratio.
 *
 * <p>Drift's peg multiplier is the one step further: the price is peg × Q / B and a quote amount moves the quote
 * reserve by amount / peg (Drift's {@code quote_asset_reserve × peg_multiplier}), so re-pegging moves the price
 * without touching k. Peg 1 is Perpetual Protocol's curve.
 *
 * @param quoteReserve  virtual quote reserve Q
 * @param baseReserve   virtual base reserve B
 * @param tollRatio     fee to the protocol, as a fraction of the quote amount
 * @param spreadRatio   fee to the insurance fund, as a fraction of the quote amount
 * @param pegMultiplier Drift's peg: quote per unit of quote reserve (1 without a peg)
 */
public record Vamm(double quoteReserve, double baseReserve, double tollRatio, double spreadRatio,
                   double pegMultiplier) {
    private static final BigInteger UNIT = BigInteger.TEN.pow(18);

    public Vamm {
        positive("quote reserve", quoteReserve);
        positive("base reserve", baseReserve);
        nonNegative("toll ratio", tollRatio);
        nonNegative("spread ratio", spreadRatio);
        positive("peg multiplier", pegMultiplier);
    }

    /** Perpetual Protocol v1's vAMM: no peg (1). */
    public Vamm(double quoteReserve, double baseReserve, double tollRatio, double spreadRatio) {
        this(quoteReserve, baseReserve, tollRatio, spreadRatio, 1);
    }

    /** How a trade is sized. */
    public enum Kind {
        /** The trader pays this much quote in (opens or adds to a long). */
        QUOTE_IN,
        /** The trader takes this much quote out (a short sized in quote). */
        QUOTE_OUT,
        /** The trader puts this much base in (a short sized in base). */
        BASE_IN,
        /** The trader takes this much base out (a long sized in base). */
        BASE_OUT;

        /** The lab document's name: quoteIn, quoteOut, baseIn, baseOut. */
        public String field() {
            return switch (this) {
                case QUOTE_IN -> "quoteIn";
                case QUOTE_OUT -> "quoteOut";
                case BASE_IN -> "baseIn";
                case BASE_OUT -> "baseOut";
            };
        }

        /** Long trades take base out of the AMM. */
        public boolean isLong() {
            return this == QUOTE_IN || this == BASE_OUT;
        }
    }

    /** One trade: which amount is given and how much. */
    public record Trade(Kind kind, double amount) {
        public Trade {
            present("trade kind", kind);
            positive(kind.field(), amount);
        }
    }

    /**
     * The outcome of one trade.
     *
     * @param baseAmount        base moved between trader and AMM (always positive)
     * @param quoteAmount       quote moved (always positive), before fees
     * @param averagePrice      quote / base
     * @param quoteReserveAfter Q after the trade
     * @param baseReserveAfter  B after the trade
     * @param priceAfter        Q / B after the trade
     * @param priceBefore       Q / B before the trade
     * @param priceImpact       (price after − price before) / price before
     * @param toll              quote × toll ratio
     * @param spread            quote × spread ratio
     * @param after             the AMM after the trade
     */
    public record Result(Kind kind, double baseAmount, double quoteAmount, double averagePrice,
                         double quoteReserveAfter, double baseReserveAfter, double priceAfter, double priceBefore,
                         double priceImpact, double toll, double spread, Vamm after) {
    }

    /** Spot price: peg × Q / B (Q / B without a peg). */
    public double price() {
        // price = peg × Q / B
        return pegMultiplier * quoteReserve / baseReserve;
    }

    /** k = Q × B. */
    public double k() {
        return quoteReserve * baseReserve;
    }

    /** Applies one trade. */
    public Result trade(Trade t) {
        present("trade", t);
        BigInteger q = wei(quoteReserve);
        BigInteger b = wei(baseReserve);
        BigInteger peg = wei(pegMultiplier);
        // a quote amount moves the quote reserve by amount / peg
        BigInteger amount = t.kind() == Kind.QUOTE_IN || t.kind() == Kind.QUOTE_OUT ? divD(wei(t.amount()), peg)
                : wei(t.amount());
        BigInteger baseAmt;
        BigInteger quoteAmt;
        BigInteger qAfter;
        BigInteger bAfter;
        switch (t.kind()) {
            case QUOTE_IN -> {
                quoteAmt = amount;
                baseAmt = inputPrice(true, amount, q, b);
                qAfter = q.add(quoteAmt);
                bAfter = b.subtract(baseAmt);
            }
            case QUOTE_OUT -> {
                if (amount.compareTo(q) >= 0) {
                    throw new EngineException("quoteOut " + Numbers.plain(t.amount()) + " is not below the quote reserve "
                            + Numbers.plain(quoteReserve * pegMultiplier));
                }
                quoteAmt = amount;
                baseAmt = inputPrice(false, amount, q, b);
                qAfter = q.subtract(quoteAmt);
                bAfter = b.add(baseAmt);
            }
            case BASE_IN -> {
                baseAmt = amount;
                quoteAmt = outputPrice(true, amount, q, b);
                qAfter = q.subtract(quoteAmt);
                bAfter = b.add(baseAmt);
            }
            case BASE_OUT -> {
                if (amount.compareTo(b) >= 0) {
                    throw new EngineException("baseOut " + Numbers.plain(t.amount()) + " is not below the base reserve "
                            + Numbers.plain(baseReserve));
                }
                baseAmt = amount;
                quoteAmt = outputPrice(false, amount, q, b);
                qAfter = q.add(quoteAmt);
                bAfter = b.subtract(baseAmt);
            }
            default -> throw new IllegalStateException();
        }
        if (qAfter.signum() <= 0 || bAfter.signum() <= 0 || baseAmt.signum() <= 0 || quoteAmt.signum() <= 0) {
            throw new EngineException("the trade " + t.kind().field() + " " + Numbers.plain(t.amount())
                    + " is too small or too large for these reserves");
        }
        // the quote reserve moved, back in quote: Δ reserve × peg
        double quote = dec(mulD(quoteAmt, peg));
        double base = dec(baseAmt);
        Vamm after = new Vamm(dec(qAfter), dec(bAfter), tollRatio, spreadRatio, pegMultiplier);
        double before = price();
        // average price = quote / base; impact = (price after − price before) / price before
        return new Result(t.kind(), base, quote, quote / base, after.quoteReserve(), after.baseReserve(),
                after.price(), before, (after.price() - before) / before, quote * tollRatio, quote * spreadRatio,
                after);
    }

    /** Applies the trades in order. */
    public List<Result> trades(List<Trade> trades) {
        present("trades", trades);
        List<Result> out = new ArrayList<>();
        Vamm amm = this;
        for (Trade t : trades) {
            Result r = amm.trade(t);
            out.add(r);
            amm = r.after();
        }
        return out;
    }

    /**
     * Perpetual Protocol v1's funding: premium fraction = (TWAP mark − TWAP index) × funding period / 24 h, and the
     * rate = premium fraction / TWAP index. Longs pay when positive.
     */
    public static double fundingRate(double markTwap, double indexTwap, double fundingPeriodHours) {
        positive("mark TWAP", markTwap);
        positive("index TWAP", indexTwap);
        positive("funding period", fundingPeriodHours);
        // rate = (mark TWAP − index TWAP) × period / 24 h / index TWAP
        return (markTwap - indexTwap) * fundingPeriodHours / 24.0 / indexTwap;
    }

    /** The working behind one trade. */
    public Explanation explain(Trade t) {
        Result r = trade(t);
        boolean pegged = pegMultiplier != 1;
        String q = pegged ? "q / peg" : "q";
        String formula = switch (t.kind()) {
            case QUOTE_IN -> "base out = B − k / (Q + " + q + ")";
            case QUOTE_OUT -> "base in = k / (Q − " + q + ") − B";
            case BASE_IN -> pegged ? "quote out = peg × (Q − k / (B + b))" : "quote out = Q − k / (B + b)";
            case BASE_OUT -> pegged ? "quote in = peg × (k / (B − b) − Q)" : "quote in = k / (B − b) − Q";
        };
        boolean quoteGiven = t.kind() == Kind.QUOTE_IN || t.kind() == Kind.QUOTE_OUT;
        String sign = t.kind() == Kind.QUOTE_IN || t.kind() == Kind.BASE_IN ? " + " : " − ";
        String qt = Numbers.plain(t.amount()) + (pegged ? " / " + Numbers.plain(pegMultiplier) : "");
        String pg = pegged ? Numbers.plain(pegMultiplier) + " × (" : "";
        String end = pegged ? ")" : "";
        String substituted = quoteGiven
                ? (t.kind() == Kind.QUOTE_IN ? Numbers.plain(baseReserve) + " − " + Numbers.plain(k()) + " / ("
                + Numbers.plain(quoteReserve) + sign + qt + ")"
                : Numbers.plain(k()) + " / (" + Numbers.plain(quoteReserve) + sign + qt
                + ") − " + Numbers.plain(baseReserve))
                : (t.kind() == Kind.BASE_IN ? pg + Numbers.plain(quoteReserve) + " − " + Numbers.plain(k()) + " / ("
                + Numbers.plain(baseReserve) + sign + Numbers.plain(t.amount()) + ")" + end
                : pg + Numbers.plain(k()) + " / (" + Numbers.plain(baseReserve) + sign + Numbers.plain(t.amount())
                + ") − " + Numbers.plain(quoteReserve) + end);
        List<Term> terms = new ArrayList<>(List.of(
                new Term("Q", "quote reserve", quoteReserve, "quote"), new Term("B", "base reserve", baseReserve, "base"),
                new Term("k", "Q × B", k(), ""), new Term(quoteGiven ? "q" : "b", t.kind().field(), t.amount(),
                        quoteGiven ? "quote" : "base")));
        if (pegged) {
            terms.add(new Term("peg", "peg multiplier (price = peg × Q / B)", pegMultiplier, ""));
        }
        return new Explanation(quoteGiven ? "vAMM base amount" : "vAMM quote amount", formula, terms,
                substituted, quoteGiven ? r.baseAmount() : r.quoteAmount(), List.of(
                "Average price " + Numbers.plain(r.averagePrice()) + "; the price moves from "
                        + Numbers.plain(r.priceBefore()) + " to " + Numbers.plain(r.priceAfter()) + " ("
                        + Numbers.plain(r.priceImpact() * 100) + "%).",
                "Reserves after: Q = " + Numbers.plain(r.quoteReserveAfter()) + ", B = "
                        + Numbers.plain(r.baseReserveAfter()) + "; k stays " + Numbers.plain(k()) + ".",
                "Toll " + Numbers.plain(r.toll()) + " and spread " + Numbers.plain(r.spread())
                        + " are charged on the quote amount.",
                "Amounts are in 18-decimal fixed point as Perpetual Protocol v1 computes them, rounded one wei in"
                        + " the AMM's favour when k does not divide evenly."));
    }

    /** getInputPrice: base bought (add) or sold (remove) for a quote amount. */
    private static BigInteger inputPrice(boolean add, BigInteger quote, BigInteger q, BigInteger b) {
        BigInteger k = mulD(q, b);
        BigInteger qAfter = add ? q.add(quote) : q.subtract(quote);
        BigInteger bAfter = divD(k, qAfter);
        BigInteger base = bAfter.subtract(b).abs();
        if (modD(k, qAfter).signum() != 0) {
            base = add ? base.subtract(BigInteger.ONE) : base.add(BigInteger.ONE);
        }
        return base;
    }

    /** getOutputPrice: quote received (add) or paid (remove) for a base amount. */
    private static BigInteger outputPrice(boolean add, BigInteger base, BigInteger q, BigInteger b) {
        BigInteger k = mulD(q, b);
        BigInteger bAfter = add ? b.add(base) : b.subtract(base);
        BigInteger qAfter = divD(k, bAfter);
        BigInteger quote = qAfter.subtract(q).abs();
        if (modD(k, bAfter).signum() != 0) {
            quote = add ? quote.subtract(BigInteger.ONE) : quote.add(BigInteger.ONE);
        }
        return quote;
    }

    private static BigInteger mulD(BigInteger x, BigInteger y) {
        return x.multiply(y).divide(UNIT);
    }

    private static BigInteger divD(BigInteger x, BigInteger y) {
        return x.multiply(UNIT).divide(y);
    }

    private static BigInteger modD(BigInteger x, BigInteger y) {
        return x.multiply(UNIT).mod(y);
    }

    private static BigInteger wei(double v) {
        finite("amount", v);
        return new BigDecimal(Double.toString(v)).movePointRight(18).toBigInteger();
    }

    private static double dec(BigInteger wei) {
        return new BigDecimal(wei).movePointLeft(18).doubleValue();
    }
}
