package com.perprisk.engine.lab;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Side;
import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.cascade.Cascade;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.funding.FundingMethod;
import com.perprisk.engine.funding.FundingRate;
import com.perprisk.engine.pool.GmxPool;
import com.perprisk.engine.pricing.IndexPrice;
import com.perprisk.engine.pricing.MarkPrice;
import com.perprisk.engine.vamm.Vamm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a market-lab document section by section. Sections are independent, except that a missing price is taken
 * from the document's other sections: funding without samples uses one sample from the book's impact prices and the
 * index; funding's oracle price defaults to the index; the mark's index price, impact prices and funding rate default
 * to the index, book and funding sections; a cascade without a book uses the book section's. An engine error is
 * re-thrown with the section's name in front.
 */
public final class LabEvaluator {
    private LabEvaluator() {
    }

    /** Book figures. */
    public record BookOut(double bestBid, double bestAsk, double mid, double spread, double impactNotional,
                          double impactBid, double impactAsk, double impactMid, double depthFraction,
                          double bidDepth, double askDepth, Map<String, Explanation> explanations) {
    }

    /** Mark price and its working. */
    public record MarkOut(LabInputs.MarkMethod method, double price, Explanation explanation) {
    }

    /** vAMM trades in order, their working, and the funding from the TWAPs when given. */
    public record VammOut(double priceBefore, double k, List<Vamm.Result> trades, List<Explanation> explanations,
                          Double fundingRate) {
    }

    /** Pool figures per side and per position and trade. */
    public record PoolOut(GmxPool pool, double poolValue, Map<Side, Double> openInterest, Map<Side, Double> pnl,
                          Map<Side, Double> pnlToPoolFactor, Map<Side, Boolean> adlRequired, Map<Side, Double> adlShare,
                          Map<Side, Double> fundingPerSecond, Map<Side, Double> borrowingPerSecond,
                          List<GmxPool.Liquidation> positions, List<TradeOut> trades) {
    }

    /** Fee and price impact of one pool trade. */
    public record TradeOut(LabInputs.PoolTrade trade, double positionFee, double priceImpact) {
    }

    /** The cascade under both mark rules. */
    public record CascadeOut(Cascade.Outcome bookMid, Cascade.Outcome indexAnchored) {
    }

    /** Every section's result; null for a section the document does not have. */
    public record LabResults(IndexPrice.IndexResult index, Explanation indexExplanation, BookOut book,
                             FundingMethod.Result funding, MarkOut mark, VammOut vamm, PoolOut pool,
                             CascadeOut cascade) {
    }

    public static LabResults evaluate(LabInputs in) {
        IndexPrice.IndexResult index = null;
        Explanation indexEx = null;
        if (in.index() != null) {
            try {
                index = IndexPrice.compute(in.index().sources(), in.index().rules());
                indexEx = IndexPrice.explain(in.index().sources(), in.index().rules());
            } catch (EngineException e) {
                throw section("index", e);
            }
        }
        BookOut book = null;
        if (in.book() != null) {
            try {
                book = book(in.book());
            } catch (EngineException e) {
                throw section("book", e);
            }
        }
        FundingMethod.Result funding = null;
        if (in.funding() != null) {
            try {
                funding = funding(in.funding(), index, book);
            } catch (EngineException e) {
                throw section("funding", e);
            }
        }
        MarkOut mark = null;
        if (in.mark() != null) {
            try {
                mark = mark(in.mark(), index, book, funding);
            } catch (EngineException e) {
                throw section("mark", e);
            }
        }
        VammOut vamm = null;
        if (in.vamm() != null) {
            try {
                vamm = vamm(in.vamm());
            } catch (EngineException e) {
                throw section("vamm", e);
            }
        }
        PoolOut pool = null;
        if (in.pool() != null) {
            try {
                pool = pool(in.pool());
            } catch (EngineException e) {
                throw section("pool", e);
            }
        }
        CascadeOut cascade = null;
        if (in.cascade() != null) {
            try {
                Cascade.Setup s = in.cascade().setup();
                cascade = new CascadeOut(Cascade.run(s, Cascade.MarkRule.BOOK_MID),
                        Cascade.run(s, Cascade.MarkRule.INDEX_ANCHORED));
            } catch (EngineException e) {
                throw section("cascade", e);
            }
        }
        return new LabResults(index, indexEx, book, funding, mark, vamm, pool, cascade);
    }

    private static EngineException section(String name, EngineException e) {
        return new EngineException(name + ": " + e.getMessage());
    }

    static BookOut book(LabInputs.BookIn in) {
        OrderBook b = in.book();
        double n = in.impactNotional();
        double bid = b.impactBid(n);
        double ask = b.impactAsk(n);
        Map<String, Explanation> ex = new LinkedHashMap<>();
        ex.put("impactBid", b.explainImpact(n, true));
        ex.put("impactAsk", b.explainImpact(n, false));
        return new BookOut(b.bestBid(), b.bestAsk(), b.mid(), b.bestAsk() - b.bestBid(), n, bid, ask, (bid + ask) / 2,
                in.depthFraction(), b.depthToMove(in.depthFraction(), true), b.depthToMove(in.depthFraction(), false),
                ex);
    }

    static FundingMethod.Result funding(LabInputs.FundingIn in, IndexPrice.IndexResult index, BookOut book) {
        FundingMethod.Inputs i = in.inputs();
        if (i.premiumSamples().isEmpty() && i.premiumVotes().isEmpty()) {
            if (index == null || book == null) {
                throw new EngineException("premiumSamples (or premiumVotes) are missing, and without both an index and"
                        + " a book section there is no sample to take");
            }
            double sample = FundingRate.premiumIndex(book.impactBid(), book.impactAsk(), index.price());
            i = with(i, List.of(sample), i.oraclePrice());
        }
        if (i.oraclePrice() == null && index != null) {
            i = with(i, i.premiumSamples(), index.price());
        }
        return in.method().compute(i);
    }

    private static FundingMethod.Inputs with(FundingMethod.Inputs i, List<Double> samples, Double price) {
        return new FundingMethod.Inputs(samples, i.premiumVotes(), i.expectedSamples(), i.interest(), i.clampFloor(),
                i.clampCeiling(), i.cap(), i.intervalHours(), i.defaultFunding(), i.initialMarginFraction(),
                i.maintenanceFraction(), i.clampFactor(), i.minVotesPerSample(), i.tailRemovalRatio(),
                i.elapsedHours(), price, i.premiumVoteClampFactor());
    }

    static MarkOut mark(LabInputs.MarkIn m, IndexPrice.IndexResult index, BookOut book, FundingMethod.Result funding) {
        Double idx = m.indexPrice() != null ? m.indexPrice() : index != null ? Double.valueOf(index.price()) : null;
        Double bid = m.impactBid() != null ? m.impactBid() : book != null ? Double.valueOf(book.impactBid()) : null;
        Double ask = m.impactAsk() != null ? m.impactAsk() : book != null ? Double.valueOf(book.impactAsk()) : null;
        Double rate = m.fundingRate() != null ? m.fundingRate() : funding != null ? Double.valueOf(funding.rate())
                : null;
        Double interval = m.intervalHours() != null ? m.intervalHours()
                : funding != null ? Double.valueOf(funding.intervalHours()) : Double.valueOf(8.0);
        require(idx, "indexPrice (or an index section)");
        Explanation ex = switch (m.method()) {
            case FUNDING_BASIS -> MarkPrice.explainFundingBasis(idx, require(rate, "fundingRate (or a funding section)"),
                    require(m.hoursToFunding(), "hoursToFunding"), interval);
            case MEDIAN -> MarkPrice.explainMedian(idx, require(bid, "impactBid (or a book section)"),
                    require(ask, "impactAsk (or a book section)"));
            case BINANCE -> {
                Double basis = m.movingAverageBasis();
                if (basis == null) {
                    require(bid, "movingAverageBasis (or impact prices, or a book section)");
                    require(ask, "movingAverageBasis (or impact prices, or a book section)");
                    // one-sample moving average: impact mid − index
                    basis = (bid + ask) / 2 - idx;
                }
                yield MarkPrice.explainBinance(idx, require(rate, "fundingRate (or a funding section)"),
                        require(m.hoursToFunding(), "hoursToFunding"), interval, basis,
                        require(m.lastPrice(), "lastPrice"));
            }
        };
        return new MarkOut(m.method(), ex.result(), ex);
    }

    private static double require(Double v, String what) {
        if (v == null) {
            throw new EngineException(what + " is missing");
        }
        return v;
    }

    static VammOut vamm(LabInputs.VammIn in) {
        List<Vamm.Result> results = in.amm().trades(in.trades());
        List<Explanation> ex = new ArrayList<>();
        Vamm amm = in.amm();
        for (int i = 0; i < in.trades().size(); i++) {
            ex.add(amm.explain(in.trades().get(i)));
            amm = results.get(i).after();
        }
        Double rate = null;
        if (in.markTwap() != null || in.indexTwap() != null) {
            rate = Vamm.fundingRate(require(in.markTwap(), "markTwap"), require(in.indexTwap(), "indexTwap"),
                    in.fundingPeriodHours());
        }
        return new VammOut(in.amm().price(), in.amm().k(), results, ex, rate);
    }

    static PoolOut pool(LabInputs.PoolIn in) {
        GmxPool p = in.pool();
        Map<Side, Double> oi = new LinkedHashMap<>();
        Map<Side, Double> pnl = new LinkedHashMap<>();
        Map<Side, Double> factor = new LinkedHashMap<>();
        Map<Side, Boolean> adl = new LinkedHashMap<>();
        Map<Side, Double> share = new LinkedHashMap<>();
        Map<Side, Double> funding = new LinkedHashMap<>();
        Map<Side, Double> borrowing = new LinkedHashMap<>();
        for (Side s : Side.values()) {
            oi.put(s, p.openInterest(s));
            pnl.put(s, p.pnl(s));
            factor.put(s, p.pnlToPoolFactor(s));
            adl.put(s, p.adlRequired(s));
            share.put(s, p.adlShare(s));
            funding.put(s, p.fundingPerSecond(s));
            borrowing.put(s, p.borrowingPerSecond(s));
        }
        List<TradeOut> trades = new ArrayList<>();
        for (LabInputs.PoolTrade t : in.trades()) {
            trades.add(new TradeOut(t, p.positionFee(t.sizeDeltaUsd()), p.priceImpact(t.side(), t.sizeDeltaUsd())));
        }
        return new PoolOut(p, p.poolValue(), oi, pnl, factor, adl, share, funding, borrowing, p.liquidations(), trades);
    }
}
