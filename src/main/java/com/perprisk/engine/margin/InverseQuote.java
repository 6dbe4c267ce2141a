package com.perprisk.engine.margin;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.risk.AccountRisk;
import com.perprisk.engine.risk.PoolRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskEngine;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The order ticket on a coin-margined (inverse) market: the same questions as {@link OrderTicket}'s, in whole
 * contracts and the settle coin ({@link InverseOrder}), and the account before → after on that coin's pool (its
 * cross wallet, available balance and margin ratio), which the order draws on instead of the linear quote wallet.
 */
final class InverseQuote {
    private InverseQuote() {
    }

    static OrderTicket.Quote quote(Portfolio before, Order order, OrderTicket.Questions questions,
                                   OrderPlacement.Placement fill, Market market) {
        String coin = market.contract().settleAsset();
        double cs = market.contract().contractSize();
        InverseTicketWorking working = new InverseTicketWorking(market);
        PortfolioRisk riskBefore = RiskEngine.evaluate(before, true);
        PortfolioRisk riskAfter = RiskEngine.evaluate(fill.after(), true);
        AccountRisk poolBefore = pool(riskBefore, coin);
        AccountRisk poolAfter = pool(riskAfter, coin);
        Map<ExplainKey, Explanation> poolWorking = poolWorking(fill.after(), riskAfter, coin);

        Position alone = fill.order();
        double notional = market.entryNotional(alone);
        Map<String, Explanation> ex = new LinkedHashMap<>(working.order(order, alone, fill.feeRate()));
        Double walletBefore = before.account().coinWallet(coin);
        Double walletAfter = fill.after().account().coinWallet(coin);
        ex.put("walletBalance", TicketWorking.wallet(fill, walletBefore == null ? 0 : walletBefore,
                walletAfter == null ? 0 : walletAfter, coin));

        PositionRisk position = fill.result() == null ? null : riskAfter.position(fill.result().id()).orElseThrow();
        if (position != null) {
            OrderTicket.copy(position.explanations(), ex);
        }

        double held = fill.effect() == OrderPlacement.Effect.ADD ? market.entryNotional(fill.joined()) : 0;
        double available = poolBefore == null ? 0 : poolBefore.availableBalance();
        MaxOpen.Result max = InverseOrder.maxOpen(available, order.leverage(), order.side(), fill.entryPrice(),
                market.markPrice(), market.tiers(), fill.feeRate(), held, cs);
        ex.put("maxOpen", working.maxOpen(max, available, order.leverage(), order.side(), fill.entryPrice(),
                fill.feeRate(), held));

        Double averageEntry = OrderTicket.averageEntry(fill, market, ex);

        Position result = fill.result();
        Double exitPnl = null;
        Double exitRoe = null;
        Double exitRoeOnMargin = null;
        Double target = null;
        if (result != null && questions.exitPrice() != null) {
            double x = questions.exitPrice();
            Side s = result.side();
            exitPnl = InverseOrder.pnlAt(s, result.size(), cs, result.entryPrice(), x);
            exitRoe = exitPnl / market.initialMargin(result);
            exitRoeOnMargin = InverseOrder.roeOnMarginAt(s, result.entryPrice(), result.leverage(), x);
            ex.put("exitPnl", working.pnlAt(s, result.size(), result.entryPrice(), x));
            ex.put("exitRoe", working.roeAt(s, result.size(), result.entryPrice(), result.leverage(), x));
            ex.put("exitRoeOnMargin", working.roeOnMarginAt(s, result.size(), result.entryPrice(),
                    result.leverage(), x));
        }
        if (result != null && questions.targetRoe() != null) {
            target = OrderTicket.guarded(Order.Field.TARGET_ROE, () -> InverseOrder.targetForRoe(result.side(),
                    result.entryPrice(), result.leverage(), questions.targetRoe()));
            ex.put("targetPrice", working.forRoe(result.side(), result.entryPrice(), result.leverage(),
                    questions.targetRoe(), target));
        } else if (result != null && questions.targetPnl() != null) {
            target = OrderTicket.guarded(Order.Field.TARGET_PNL, () -> InverseOrder.targetForPnl(result.side(),
                    result.entryPrice(), result.size(), cs, questions.targetPnl()));
            ex.put("targetPrice", working.forPnl(result.side(), result.entryPrice(), result.size(),
                    questions.targetPnl(), target));
        }

        Double stopSize = null;
        if (questions.stopPrice() != null && questions.lossBudget() != null) {
            stopSize = OrderTicket.guarded(Order.Field.STOP, () -> InverseOrder.stopContracts(order.side(), cs,
                    fill.entryPrice(), questions.stopPrice(), questions.lossBudget(), fill.feeRate()));
            ex.put("stopSize", working.stopSize(order.side(), fill.entryPrice(), questions.stopPrice(),
                    questions.lossBudget(), fill.feeRate(), stopSize));
        }
        return new OrderTicket.Quote(fill, alone.size(), notional, market.initialMargin(alone),
                fill.feeRate() * notional, riskBefore, riskAfter, position, max, exitPnl, exitRoe, exitRoeOnMargin,
                target, averageEntry, stopSize, ex, coin, poolBefore, poolAfter, poolWorking);
    }

    /** The account figures of a coin's pool (null when the portfolio has none). */
    private static AccountRisk pool(PortfolioRisk risk, String coin) {
        return risk.pool(coin).map(PoolRisk::figures).orElse(null);
    }

    /** The working behind a coin pool's figures (empty when the portfolio has no such pool). */
    private static Map<ExplainKey, Explanation> poolWorking(Portfolio p, PortfolioRisk risk, String coin) {
        for (int i = 0; i < risk.pools().size(); i++) {
            if (risk.pools().get(i).asset().equals(coin)) {
                return RiskEngine.evaluation(p).poolWorking(i);
            }
        }
        return Map.of();
    }
}
