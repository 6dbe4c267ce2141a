package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.probability.Sizing;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order ticket: an order placed into the whole workspace, with the account before and after the fill and the
 * exchange-calculator questions answered on it (max open, target price, PnL and ROE at an exit, average entry, size
 * for a stop and a loss budget). The exit and target questions are about the position the order ends up in (the
 * merged position when it adds to one); the stop question is about the order alone.
 */
public final class OrderTicket {
    private OrderTicket() {
    }

    /**
     * The optional questions.
     *
     * @param exitPrice  PnL and ROE if the position is closed here
     * @param targetRoe  the price for this ROE (0.5 = 50%); not together with {@code targetPnl}
     * @param targetPnl  the price for this PnL, in the margin asset (the quote, or an inverse market's coin)
     * @param stopPrice  with {@code lossBudget}: the largest order whose loss at this stop, fees included, fits
     * @param lossBudget the loss budget at the stop, in the margin asset
     */
    public record Questions(Double exitPrice, Double targetRoe, Double targetPnl, Double stopPrice, Double lossBudget) {
        public static final Questions NONE = new Questions(null, null, null, null, null);

        public Questions {
            if (targetRoe != null && targetPnl != null) {
                throw new TicketException(Order.Field.TARGET_PNL, "give a target ROE or a target PnL, not both:"
                        + " each names one exit price");
            }
            check(Order.Field.EXIT, "exit price", exitPrice, true);
            check(Order.Field.TARGET_ROE, "target ROE", targetRoe, false);
            check(Order.Field.TARGET_PNL, "target PnL", targetPnl, false);
            check(Order.Field.STOP, "stop price", stopPrice, true);
            if (lossBudget != null && (!Double.isFinite(lossBudget) || lossBudget < 0)) {
                throw new TicketException(Order.Field.LOSS_BUDGET, "the loss budget must be a number ≥ 0");
            }
        }

        private static void check(Order.Field f, String name, Double v, boolean positive) {
            if (v != null && (!Double.isFinite(v) || positive && v <= 0)) {
                throw new TicketException(f, name + " must be a " + (positive ? "number above 0" : "finite number"));
            }
        }
    }

    /**
     * Everything the ticket shows. Figures that were not asked for, or do not exist, are null. On an inverse
     * (coin-margined) market sizes are whole contracts and every amount is in {@code marginAsset}, the settle coin.
     *
     * @param placement        the fill and the portfolio after it
     * @param size             the order's size Q (contracts C for an inverse contract)
     * @param notional         Q × EP (C × cs / EP in coin)
     * @param initialMargin    notional / L
     * @param openFee          fee × notional
     * @param before           every figure of the workspace before the order
     * @param after            the same after the fill
     * @param position         the position the order ends up in, after the fill (null when it closed one)
     * @param maxOpen          the largest order at this leverage for the available balance under the tier table
     * @param exitPnl          PnL of the resulting position at the exit price
     * @param exitRoe          that PnL over the initial margin at entry
     * @param exitRoeOnMargin  that PnL over the margin at the exit price (Binance's open-positions screen)
     * @param targetPrice      the exit price for the target ROE or PnL
     * @param averageEntry     entry price of the resulting position when the order joined one
     * @param stopSize         the largest order size for the loss budget at the stop, fees included
     * @param explanations     the working of each figure, keyed by the names above
     * @param marginAsset      the asset of every amount: the settle coin of an inverse market, else the quote asset
     * @param poolBefore       the account figures of the pool the order draws on (the linear account, or the settle
     *                         coin's pool) before the order
     * @param poolAfter        the same after the fill
     * @param poolExplanations the working of that pool's figures after the fill
     */
    public record Quote(OrderPlacement.Placement placement, double size, double notional, double initialMargin,
                        double openFee, PortfolioRisk before, PortfolioRisk after, PositionRisk position,
                        MaxOpen.Result maxOpen, Double exitPnl, Double exitRoe, Double exitRoeOnMargin,
                        Double targetPrice, Double averageEntry, Double stopSize,
                        Map<String, Explanation> explanations, String marginAsset, AccountRisk poolBefore,
                        AccountRisk poolAfter, Map<ExplainKey, Explanation> poolExplanations) {
        public Quote {
            explanations = Map.copyOf(explanations);
            poolExplanations = Map.copyOf(poolExplanations);
        }

        /** True when the order is on a coin-margined (inverse) market. */
        public boolean inverse() {
            return placement.order() != null && placement.after().market(placement.order().symbol())
                    .map(Market::isInverse).orElse(false);
        }
    }

    public static Quote quote(Portfolio before, Order order, Questions questions) {
        OrderPlacement.Placement fill = OrderPlacement.place(before, order);
        Market market = before.requireMarket(order.symbol());
        if (market.isInverse()) {
            return InverseQuote.quote(before, order, questions, fill, market);
        }
        PortfolioRisk riskBefore = RiskEngine.evaluate(before, true);
        PortfolioRisk riskAfter = RiskEngine.evaluate(fill.after(), true);
        Position alone = fill.order();
        Map<String, Explanation> ex = new LinkedHashMap<>(TicketWorking.order(order, alone, fill.feeRate()));
        ex.put("walletBalance", TicketWorking.wallet(fill, before.account().walletBalance()));

        PositionRisk position = fill.result() == null ? null : riskAfter.position(fill.result().id()).orElseThrow();
        if (position != null) {
            copy(position.explanations(), ex);
        }

        double held = fill.effect() == OrderPlacement.Effect.ADD ? fill.joined().entryNotional() : 0;
        double available = riskBefore.account().availableBalance();
        MaxOpen.Result max = MaxOpen.of(available, order.leverage(), order.side(), fill.entryPrice(),
                market.markPrice(), market.tiers(), fill.feeRate(), held);
        ex.put("maxOpen", MaxOpen.explain(max, available, order.leverage(), order.side(), fill.entryPrice(),
                market.markPrice(), fill.feeRate(), held));

        Double averageEntry = averageEntry(fill, market, ex);

        Position result = fill.result();
        Double exitPnl = null;
        Double exitRoe = null;
        Double exitRoeOnMargin = null;
        Double target = null;
        if (result != null && questions.exitPrice() != null) {
            double x = questions.exitPrice();
            Side s = result.side();
            exitPnl = TargetPrice.pnlAt(s, result.size(), result.entryPrice(), x);
            exitRoe = exitPnl / result.initialMargin();
            exitRoeOnMargin = TargetPrice.roeOnMarginAt(s, result.entryPrice(), result.leverage(), x);
            ex.put("exitPnl", TargetPrice.explainPnlAt(s, result.size(), result.entryPrice(), x));
            ex.put("exitRoe", TargetPrice.explainRoeAt(s, result.size(), result.entryPrice(), result.leverage(), x));
            ex.put("exitRoeOnMargin", TargetPrice.explainRoeOnMarginAt(s, result.size(), result.entryPrice(),
                    result.leverage(), x));
        }
        if (result != null && questions.targetRoe() != null) {
            target = guarded(Order.Field.TARGET_ROE, () -> TargetPrice.forRoe(result.side(), result.entryPrice(),
                    result.leverage(), questions.targetRoe()));
            ex.put("targetPrice", TargetPrice.explainForRoe(result.side(), result.entryPrice(), result.leverage(),
                    questions.targetRoe(), target));
        } else if (result != null && questions.targetPnl() != null) {
            target = guarded(Order.Field.TARGET_PNL, () -> TargetPrice.forPnl(result.side(), result.entryPrice(),
                    result.size(), questions.targetPnl()));
            ex.put("targetPrice", TargetPrice.explainForPnl(result.side(), result.entryPrice(), result.size(),
                    questions.targetPnl(), target));
        }

        Double stopSize = null;
        if (questions.stopPrice() != null && questions.lossBudget() != null) {
            stopSize = guarded(Order.Field.STOP, () -> Sizing.largestSizeForLoss(order.side(), fill.entryPrice(),
                    questions.stopPrice(), questions.lossBudget(), fill.feeRate()));
            ex.put("stopSize", TicketWorking.stopSize(order.side(), fill.entryPrice(), questions.stopPrice(),
                    questions.lossBudget(), fill.feeRate(), stopSize));
        }
        return new Quote(fill, alone.size(), alone.entryNotional(), alone.initialMargin(),
                fill.feeRate() * alone.entryNotional(), riskBefore, riskAfter, position, max, exitPnl, exitRoe,
                exitRoeOnMargin, target, averageEntry, stopSize, ex, market.marginAsset(), riskBefore.account(),
                riskAfter.account(), riskAfter.accountExplanations());
    }

    /**
     * The entry of the position the order ends up in when it met one (null when it opened one), with the working of
     * the average when it added: size-weighted, or the contract-weighted harmonic mean for an inverse contract.
     */
    static Double averageEntry(OrderPlacement.Placement fill, Market market, Map<String, Explanation> ex) {
        if (fill.effect() == OrderPlacement.Effect.ADD) {
            List<AverageEntry.Fill> fills = List.of(new AverageEntry.Fill(fill.joined().size(),
                    fill.joined().entryPrice()), new AverageEntry.Fill(fill.order().size(), fill.order().entryPrice()));
            // contract-weighted harmonic mean for an inverse contract, as the placement joined them
            ex.put("averageEntry", market.isInverse() ? AverageEntry.explainInverse(fills) : AverageEntry.explain(fills));
            return fill.result().entryPrice();
        }
        return fill.result() != null && fill.effect() != OrderPlacement.Effect.OPEN ? fill.result().entryPrice() : null;
    }

    /** The engine's workings of the resulting position that the ticket shows, under their JSON names. */
    static void copy(Map<ExplainKey, Explanation> from, Map<String, Explanation> to) {
        for (ExplainKey k : new ExplainKey[] {ExplainKey.LIQUIDATION_PRICE, ExplainKey.BANKRUPTCY_PRICE,
                ExplainKey.MARGIN_RATIO, ExplainKey.ADL_SCORE, ExplainKey.FUNDING_PER_SETTLEMENT,
                ExplainKey.FUNDING_OVER_HORIZON}) {
            if (from.containsKey(k)) {
                to.put(k.key(), from.get(k));
            }
        }
    }

    interface Calc {
        double get();
    }

    /** An engine refusal of one question, named as that question's field. */
    static double guarded(Order.Field field, Calc c) {
        try {
            return c.get();
        } catch (TicketException e) {
            throw e;
        } catch (EngineException e) {
            throw new TicketException(field, e.getMessage());
        }
    }
}
