package com.perprisk.engine.risk;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;

import java.util.Map;

/**
 * Every computed number for one position. {@code null} marks a value that does not exist (no liquidation price
 * for a fully collateralised long, no margin ratio for a bankrupt pool).
 *
 * @param id                    the position's id
 * @param symbol                its market
 * @param side                  long or short
 * @param marginMode            cross or isolated
 * @param notional              Q × mark price
 * @param unrealizedPnl         side × Q × (mark − EP)
 * @param roe                   uPnL / initial margin (N_entry / leverage)
 * @param initialMargin         N_entry / leverage
 * @param maintenanceMargin     MM under the market's convention (at mark, or at entry for Bybit)
 * @param maintenanceMarginRate MMR of the bracket that MM was taken from
 * @param bracket               1-based number of that bracket
 * @param margin                margin backing the position: its isolated margin, or the cross margin balance
 * @param liquidationPrice      mark price at which margin balance = maintenance requirement
 * @param bankruptcyPrice       mark price at which margin balance = 0
 * @param distanceToLiquidation |mark − LP| / mark, negative when the position is already past it
 * @param marginRatio           requirement / margin balance of the pool it is in (its own if isolated)
 * @param adlScore              PnL% / (MM / value at mark), PnL% = uPnL / max(1, entry value)
 * @param adlQuintile           1–5 ADL lights among same-side positions of the workspace (5 = first in line)
 * @param fundingPerSettlement  funding at the next settlement: + received, − paid
 * @param fundingOverHorizon    funding over the workspace horizon at the current mark and rate
 * @param explanations          the working behind each headline number (empty when not asked for)
 * @param fillablePrice         dYdX only: the price a liquidation order of the whole position would be placed at
 *                              (null for other conventions or without a maintenance requirement)
 * @param marginAsset           the asset the position's amounts are in (its pool's): the settle coin of an inverse
 *                              contract, else the quote asset; null when the workspace has no inverse contract (calc
 *                              then leaves the field out, as before inverse contracts existed)
 */
public record PositionRisk(String id, String symbol, Side side, MarginMode marginMode, double notional,
                           double unrealizedPnl, double roe, double initialMargin, double maintenanceMargin,
                           double maintenanceMarginRate, int bracket, double margin, Double liquidationPrice,
                           Double bankruptcyPrice, Double distanceToLiquidation, Double marginRatio, Double adlScore,
                           int adlQuintile, double fundingPerSettlement, double fundingOverHorizon,
                           Map<ExplainKey, Explanation> explanations, Double fillablePrice, String marginAsset) {

    public PositionRisk {
        explanations = Workings.copyOf(explanations);
    }

    /** Without a margin asset (a workspace of linear contracts only). */
    public PositionRisk(String id, String symbol, Side side, MarginMode marginMode, double notional,
                        double unrealizedPnl, double roe, double initialMargin, double maintenanceMargin,
                        double maintenanceMarginRate, int bracket, double margin, Double liquidationPrice,
                        Double bankruptcyPrice, Double distanceToLiquidation, Double marginRatio, Double adlScore,
                        int adlQuintile, double fundingPerSettlement, double fundingOverHorizon,
                        Map<ExplainKey, Explanation> explanations, Double fillablePrice) {
        this(id, symbol, side, marginMode, notional, unrealizedPnl, roe, initialMargin, maintenanceMargin,
                maintenanceMarginRate, bracket, margin, liquidationPrice, bankruptcyPrice, distanceToLiquidation,
                marginRatio, adlScore, adlQuintile, fundingPerSettlement, fundingOverHorizon, explanations,
                fillablePrice, null);
    }

    /** Without a fillable price (every convention but dYdX). */
    public PositionRisk(String id, String symbol, Side side, MarginMode marginMode, double notional,
                        double unrealizedPnl, double roe, double initialMargin, double maintenanceMargin,
                        double maintenanceMarginRate, int bracket, double margin, Double liquidationPrice,
                        Double bankruptcyPrice, Double distanceToLiquidation, Double marginRatio, Double adlScore,
                        int adlQuintile, double fundingPerSettlement, double fundingOverHorizon,
                        Map<ExplainKey, Explanation> explanations) {
        this(id, symbol, side, marginMode, notional, unrealizedPnl, roe, initialMargin, maintenanceMargin,
                maintenanceMarginRate, bracket, margin, liquidationPrice, bankruptcyPrice, distanceToLiquidation,
                marginRatio, adlScore, adlQuintile, fundingPerSettlement, fundingOverHorizon, explanations, null,
                null);
    }

    /** The same figures with their working. */
    public PositionRisk withExplanations(Map<ExplainKey, Explanation> working) {
        return new PositionRisk(id, symbol, side, marginMode, notional, unrealizedPnl, roe, initialMargin,
                maintenanceMargin, maintenanceMarginRate, bracket, margin, liquidationPrice, bankruptcyPrice,
                distanceToLiquidation, marginRatio, adlScore, adlQuintile, fundingPerSettlement, fundingOverHorizon,
                working, fillablePrice, marginAsset);
    }

    /** The same figures with the asset their amounts are in. */
    public PositionRisk withMarginAsset(String asset) {
        return new PositionRisk(id, symbol, side, marginMode, notional, unrealizedPnl, roe, initialMargin,
                maintenanceMargin, maintenanceMarginRate, bracket, margin, liquidationPrice, bankruptcyPrice,
                distanceToLiquidation, marginRatio, adlScore, adlQuintile, fundingPerSettlement, fundingOverHorizon,
                explanations, fillablePrice, asset);
    }
}
