package com.perprisk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.perprisk.engine.simulation.SimulationEvent;

import static com.perprisk.cli.HeadlessSupport.put;

/** One simulation event as {@code simulate} prints it: its common fields, then its own, by type. */
final class SimulationJson {
    private SimulationJson() {
    }

    /**
     * The asset an event's amounts are in: its market's margin asset, else the coin its pool names, else the linear
     * quote pool's asset.
     */
    static String assetOf(SimulationEvent e, java.util.Map<String, com.perprisk.engine.Market> markets, String quote) {
        if (e.symbol() != null && markets.containsKey(e.symbol())) {
            return markets.get(e.symbol()).marginAsset();
        }
        if (e instanceof SimulationEvent.MarginCall c && c.asset() != null) {
            return c.asset();
        }
        if (e instanceof SimulationEvent.InsuranceFund f && f.asset() != null) {
            return f.asset();
        }
        return quote;
    }

    static ObjectNode event(SimulationEvent e) {
        return event(e, null);
    }

    /**
     * The event with the asset its amounts are in ({@code "asset"} after the symbol), for a workspace with inverse
     * contracts; {@code asset} null leaves it out (a workspace of linear contracts prints as it always has).
     */
    static ObjectNode event(SimulationEvent e, String asset) {
        ObjectNode o = HeadlessSupport.JSON.createObjectNode();
        o.put("step", e.step());
        put(o, "time", e.timeHours());
        o.put("type", e.type().name());
        HeadlessSupport.putValue(o, "positionId", e.positionId());
        HeadlessSupport.putValue(o, "symbol", e.symbol());
        if (asset != null) {
            o.put("asset", asset);
        }
        if (e instanceof SimulationEvent.Funding f) {
            put(o, "rate", f.rate());
            o.put("settlements", f.settlements());
            put(o, "markPrice", f.markPrice());
            put(o, "payment", f.payment());
            o.put("into", f.intoIsolated() ? "isolated margin" : "cross wallet");
            put(o, f.intoIsolated() ? "marginAfter" : "walletAfter", f.balanceAfter());
        } else if (e instanceof SimulationEvent.MarginCall c) {
            o.put("pool", c.cross() ? "cross" : "isolated");
            put(o, "marginRatio", c.marginRatio());
            put(o, "marginBalance", c.marginBalance());
            put(o, "maintenanceRequirement", c.maintenanceRequirement());
        } else if (e instanceof SimulationEvent.PartialLiquidation p) {
            o.put("reason", p.reason());
            put(o, "quantity", p.quantity());
            put(o, "fillPrice", p.fillPrice());
            put(o, "markPrice", p.markPrice());
            put(o, "realizedPnl", p.realizedPnl());
            put(o, "fee", p.fee());
            put(o, "remainingSize", p.remainingSize());
            put(o, "marginRatioBefore", p.marginRatioBefore());
            put(o, p.isolated() ? "marginAfter" : "walletAfter", p.balanceAfter());
            put(o, "marginRatioAfter", p.marginRatioAfter());
        } else if (e instanceof SimulationEvent.Liquidation l) {
            put(o, "quantity", l.quantity());
            o.put("side", l.side().name());
            put(o, "fillPrice", l.fillPrice());
            put(o, "markPrice", l.markPrice());
            put(o, "liquidationPrice", l.liquidationPrice());
            put(o, "bankruptcyPrice", l.bankruptcyPrice());
            if (l.cross()) {
                o.put("pool", "cross");
            } else {
                put(o, "marginBalanceAtFill", l.marginBalanceAtFill());
            }
        } else if (e instanceof SimulationEvent.InsuranceFund f) {
            put(o, "surplus", f.surplus());
            put(o, "deficit", f.deficit());
            put(o, "coveredByFund", f.coveredByFund());
            put(o, "leftForAdl", f.leftForAdl());
            put(o, "fees", f.fees());
            put(o, "returnedToTrader", f.returnedToTrader());
            put(o, "fundBefore", f.fundBefore());
            put(o, "fundAfter", f.fundAfter());
        } else if (e instanceof SimulationEvent.Adl a) {
            o.put("counterparty", a.counterparty());
            o.put("counterpartySide", a.counterpartySide().name());
            o.put("rank", a.rank());
            put(o, "adlScore", a.adlScore());
            put(o, "quantity", a.quantity());
            put(o, "price", a.price());
            put(o, "amount", a.amount());
            put(o, "remainingSize", a.remainingSize());
        } else if (e instanceof SimulationEvent.AdlShortfall s) {
            o.putNull("counterparty");
            put(o, "uncovered", s.uncovered());
            o.put("note", SimulationEvent.AdlShortfall.NOTE);
        }
        return o;
    }
}
