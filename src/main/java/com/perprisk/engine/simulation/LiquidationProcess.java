package com.perprisk.engine.simulation;

import com.perprisk.engine.Convention;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.waterfall.LiquidationWaterfall;
import com.perprisk.engine.waterfall.WaterfallResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The venue's liquidation engine at one point of the path: margin calls when a pool's ratio crosses above the
 * warning level, then, for a pool that is liquidatable under its convention ({@link Convention#liquidatable}), the
 * convention's partial steps ({@link Convention#partialCloseQuantity}) until the pool is healthy, else the rest closed
 * at the bar's mark less slippage, through the convention's waterfall into the insurance fund, and what the fund
 * cannot pay to {@link AdlCounterparties}. A liquidated cross pool closes every cross position against the cross
 * wallet.
 */
final class LiquidationProcess {
    private static final int MAX_SLICES = 1_000;

    private LiquidationProcess() {
    }

    static void checkPools(SimulationRun run) {
        for (Position p : List.copyOf(run.pf.positions())) {
            if (p.isIsolated() && run.stillHeld(p.id())) {
                checkIsolated(run, p.id());
            }
        }
        checkCross(run);
    }

    /** Raises a margin call when the ratio crosses above the level; true when the pool must be liquidated. */
    private static boolean watch(SimulationRun run, String key, String positionId, String symbol,
                                 SimulationRun.Health h, Convention convention) {
        Double ratio = h.ratio();
        double level = run.settings.marginCallRatio();
        if (h.surplus() > 0 && (ratio == null || ratio > level)) {
            if (run.aboveCall.add(key)) {
                boolean cross = key.equals(SimulationRun.CROSS);
                run.emit(new SimulationEvent.MarginCall(run.step, run.time, positionId, symbol, cross,
                        ratio, h.balance(), h.requirement()));
            }
        } else if (ratio != null && ratio <= level) {
            run.aboveCall.remove(key);
        }
        return convention.liquidatable(h.balance(), h.requirement());
    }

    private static void checkIsolated(SimulationRun run, String id) {
        Position p = run.position(id);
        Convention c = run.market(p.symbol()).convention();
        if (!watch(run, id, id, p.symbol(), run.health(id), c)) {
            return;
        }
        for (int i = 0; i < MAX_SLICES; i++) {
            p = run.position(id);
            Market m = run.market(p.symbol());
            SimulationRun.Health h = run.health(id);
            double slice = h.balance() > 0 ? c.partialCloseQuantity(p.size(), m.markPrice(), m.tiers()) : 0;
            if (slice <= 0) {
                liquidateIsolated(run, p, m);
                return;
            }
            if (slice(run, p, m, slice, h)) {
                return;
            }
            SimulationRun.Health after = run.health(id);
            if (!c.liquidatable(after.balance(), after.requirement())) {
                return;
            }
        }
        liquidateIsolated(run, run.position(id), run.market(run.position(id).symbol()));
    }

    /** The convention that runs the cross pool's liquidation: that of its largest position at the mark. */
    private static Convention crossConvention(SimulationRun run, List<Position> cross) {
        Position largest = null;
        for (Position p : cross) {
            if (largest == null || p.notionalAt(run.market(p.symbol()).markPrice())
                    > largest.notionalAt(run.market(largest.symbol()).markPrice())) {
                largest = p;
            }
        }
        return run.market(largest.symbol()).convention();
    }

    private static void checkCross(SimulationRun run) {
        List<Position> cross = run.crossPositions();
        if (cross.isEmpty()) {
            run.aboveCall.remove(SimulationRun.CROSS);
            return;
        }
        Convention c = crossConvention(run, cross);
        if (!watch(run, SimulationRun.CROSS, null, null, run.health(cross.get(0).id()), c)) {
            return;
        }
        for (int i = 0; i < MAX_SLICES; i++) {
            cross = run.crossPositions();
            SimulationRun.Health h = run.health(cross.get(0).id());
            if (!crossConvention(run, cross).liquidatable(h.balance(), h.requirement())) {
                return;
            }
            Position target = null;
            double best = 0;
            if (h.balance() > 0) {
                for (Position p : cross) {
                    Market m = run.market(p.symbol());
                    double n = p.notionalAt(m.markPrice());
                    if (m.convention().partialCloseQuantity(p.size(), m.markPrice(), m.tiers()) > 0 && n > best) {
                        best = n;
                        target = p;
                    }
                }
            }
            if (target == null) {
                liquidateCross(run, cross);
                return;
            }
            Market m = run.market(target.symbol());
            if (slice(run, target, m, m.convention().partialCloseQuantity(target.size(), m.markPrice(), m.tiers()),
                    h)) {
                return;
            }
        }
        liquidateCross(run, run.crossPositions());
    }

    /**
     * Closes part of a position at the fill: its PnL stays in the pool, the fee leaves it. True when the slice was the
     * whole position (whole contracts of a coin pool) and the pool went through the full liquidation instead.
     */
    private static boolean slice(SimulationRun run, Position p, Market m, double sliceQuantity,
                                 SimulationRun.Health before) {
        double quantity = run.wholeContracts(p.symbol(), sliceQuantity, p.size());
        if (run.contractSizes != null && quantity >= p.size()) {
            // whole contracts: the slice is the position, which closes through the full liquidation
            if (p.isIsolated()) {
                liquidateIsolated(run, p, m);
            } else {
                liquidateCross(run, run.crossPositions());
            }
            return true;
        }
        double fillPrice = run.fill(p.side(), m.markPrice());
        // realized = side × ΔQ × (fill − EP); fee = rate × ΔQ × fill
        double realized = p.withSize(quantity).unrealizedPnl(fillPrice);
        double fee = run.settings.liquidationFeeRate() * quantity * fillPrice;
        run.fees += fee;
        run.traderLoss += fee;
        Position rest = p.withSize(p.size() - quantity);
        String reason = m.convention().partialCloseReason(p.size(), m.markPrice(), m.tiers());
        double after;
        if (p.isIsolated()) {
            after = p.isolatedMarginBalance() + realized - fee;
            run.replace(SimulationRun.withMargin(rest, after));
        } else {
            run.replace(rest);
            after = run.pf.account().walletBalance() + realized - fee;
            run.setWallet(after);
        }
        run.emit(new SimulationEvent.PartialLiquidation(run.step, run.time, p.id(), p.symbol(), reason, quantity,
                fillPrice, m.markPrice(), realized, fee, rest.size(), before.ratio(), p.isIsolated(), after,
                run.health(p.id()).ratio()));
        return false;
    }

    private static void liquidateIsolated(SimulationRun run, Position p, Market m) {
        Double lp = LiquidationSolver.liquidationPrice(run.pf, p.id()).price();
        Double bp = LiquidationSolver.bankruptcyPrice(run.pf, p.id()).price();
        double fillPrice = run.fill(p.side(), m.markPrice());
        // margin balance at the fill: M + side × Q × (fill − EP)
        double x = p.isolatedMarginBalance() + p.unrealizedPnl(fillPrice);
        if (bp == null || bp <= 0) {
            throw new EngineException(p.id() + ": liquidated with no bankruptcy price (margin covers the whole"
                    + " notional)");
        }
        run.emit(new SimulationEvent.Liquidation(run.step, run.time, p.id(), p.symbol(), p.size(), p.side(),
                fillPrice, m.markPrice(), lp, bp, x, false));
        WaterfallResult w = LiquidationWaterfall.settle(m.convention(), p.side(), p.size(), bp, fillPrice, run.fund,
                run.settings.liquidationFeeRate());
        run.remove(List.of(p.id()));
        afterWaterfall(run, w, x, p.id(), p.symbol());
        if (w.needsAdl()) {
            // per unit of the bankrupt position: deficit / Q = side × (BP − fill)
            AdlCounterparties.cover(run, p.id(), p.symbol(), p.side(), bp, w.deficit() / p.size(), w.leftForAdl());
        }
    }

    private static void liquidateCross(SimulationRun run, List<Position> cross) {
        double x = run.pf.account().walletBalance();
        double closedValue = 0;
        Map<String, Double> losses = new LinkedHashMap<>();
        Map<String, Double> fills = new LinkedHashMap<>();
        Convention c = crossConvention(run, cross);
        for (Position p : cross) {
            Market m = run.market(p.symbol());
            double fillPrice = run.fill(p.side(), m.markPrice());
            double pnl = p.unrealizedPnl(fillPrice);
            // pool balance at the fills: WB + Σ side × Q × (fill − EP)
            x += pnl;
            closedValue += p.size() * fillPrice;
            fills.put(p.id(), fillPrice);
            losses.put(p.id(), Math.max(0, -pnl));
            run.emit(new SimulationEvent.Liquidation(run.step, run.time, p.id(), p.symbol(), p.size(), p.side(),
                    fillPrice, m.markPrice(), LiquidationSolver.liquidationPrice(run.pf, p.id()).price(),
                    LiquidationSolver.bankruptcyPrice(run.pf, p.id()).price(), null, true));
        }
        // the pool as one unit: fill value C = Σ Q × fill, bankruptcy value C − x, so that
        // side × Q × (fill − BP) = x and the fee base Q × fill = C
        double bpValue = closedValue - x;
        if (!(bpValue > 0)) {
            throw new EngineException("the cross pool was liquidated with a balance above its notional");
        }
        WaterfallResult w = LiquidationWaterfall.settle(c, Side.LONG, 1, bpValue, closedValue, run.fund,
                run.settings.liquidationFeeRate());
        run.remove(cross.stream().map(Position::id).toList());
        run.setWallet(0);
        afterWaterfall(run, w, x, null, null);
        if (w.needsAdl()) {
            double totalLoss = losses.values().stream().mapToDouble(Double::doubleValue).sum();
            for (Position p : cross) {
                double share = totalLoss > 0 ? losses.get(p.id()) / totalLoss : 1.0 / cross.size();
                if (share <= 0) {
                    continue;
                }
                // the position's share of the deficit, per unit: the price at which it would have broken even
                double perUnit = w.deficit() * share / p.size();
                double bp = fills.get(p.id()) + p.side().sign() * perUnit;
                AdlCounterparties.cover(run, p.id(), p.symbol(), p.side(), bp, perUnit, w.leftForAdl() * share);
            }
        }
    }

    private static void afterWaterfall(SimulationRun run, WaterfallResult w, double x, String positionId,
                                       String symbol) {
        double before = run.fund;
        run.fund = w.fundAfter();
        run.fees += w.fees();
        // the trader forfeits the balance at the fill, less what is handed back
        run.traderLoss += x - w.returnedToTrader();
        if (w.returnedToTrader() > 0) {
            run.addToWallet(w.returnedToTrader());
        }
        run.emit(new SimulationEvent.InsuranceFund(run.step, run.time, positionId, symbol, w.surplusToFund(),
                w.deficit(), w.coveredByFund(), w.leftForAdl(), w.fees(), w.returnedToTrader(), before, run.fund));
    }
}
