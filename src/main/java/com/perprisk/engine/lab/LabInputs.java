package com.perprisk.engine.lab;

import com.perprisk.engine.book.OrderBook;
import com.perprisk.engine.cascade.Cascade;
import com.perprisk.engine.funding.FundingMethod;
import com.perprisk.engine.pool.GmxPool;
import com.perprisk.engine.pricing.IndexPrice;
import com.perprisk.engine.vamm.Vamm;
import com.perprisk.engine.Side;

import java.util.List;

/**
 * A market-lab document's sections, each optional and independent; a section may leave a price out and take it from
 * another section of the same document (see {@link LabEvaluator}).
 */
public record LabInputs(String name, IndexIn index, BookIn book, FundingIn funding, MarkIn mark, VammIn vamm,
                        PoolIn pool, CascadeIn cascade) {

    /** Index: the feeds and the rules. */
    public record IndexIn(List<IndexPrice.Source> sources, IndexPrice.Rules rules) {
        public IndexIn {
            sources = List.copyOf(sources);
        }
    }

    /** Book: the levels, the impact notional and the price move for the depth figure. */
    public record BookIn(OrderBook book, double impactNotional, double depthFraction) {
    }

    /** Funding: a method and its inputs (samples may come from the book and index sections). */
    public record FundingIn(FundingMethod method, FundingMethod.Inputs inputs) {
    }

    /** Mark methods. */
    public enum MarkMethod {
        FUNDING_BASIS,
        MEDIAN,
        BINANCE
    }

    /** Mark: a method and its prices; null prices come from the index, book and funding sections. */
    public record MarkIn(MarkMethod method, Double indexPrice, Double fundingRate, Double hoursToFunding,
                         Double intervalHours, Double impactBid, Double impactAsk, Double lastPrice,
                         Double movingAverageBasis) {
    }

    /** vAMM: the reserves and fees, trades applied in order, and optionally the TWAPs for funding. */
    public record VammIn(Vamm amm, List<Vamm.Trade> trades, Double markTwap, Double indexTwap,
                         double fundingPeriodHours) {
        public VammIn {
            trades = List.copyOf(trades);
        }
    }

    /** One trade against the pool: side and size change in USD (+ open, − close). */
    public record PoolTrade(Side side, double sizeDeltaUsd) {
    }

    /** Pool: the GMX-style pool with its positions, and trades to price. */
    public record PoolIn(GmxPool pool, List<PoolTrade> trades) {
        public PoolIn {
            trades = List.copyOf(trades);
        }
    }

    /** Cascade: the set-up (book from this section or the book section). */
    public record CascadeIn(Cascade.Setup setup) {
    }
}
