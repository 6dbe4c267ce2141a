package com.perprisk.io;

import com.perprisk.engine.Side;
import com.perprisk.engine.lab.LabInputs;
import com.perprisk.engine.pool.GmxPool;
import com.perprisk.io.JsonTree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.perprisk.io.LabFields.*;

/**
 * The {@code pool} section of a market-lab document (GMX v2 style): tokens, factors, positions and trades.
 */
final class LabPoolSection {
    static final Set<String> POOL = Set.of("longTokenUsd", "shortTokenUsd", "longTokenAmount", "longTokenPrice",
            "shortTokenAmount", "shortTokenPrice", "indexPrice", "impactPoolTokens", "pendingBorrowingFees",
            "maxPnlFactor", "maxPnlFactorForAdl", "minPnlFactorAfterAdl", "positionFeeFactor", "priceImpactFactor",
            "positiveImpactFactor", "negativeImpactFactor", "impactExponent", "fundingFactor", "fundingExponent",
            "borrowingFactor", "borrowingExponent", "minCollateralFactor", "minCollateralUsd", "positions", "trades");
    static final Set<String> POOL_POSITION = Set.of("side", "sizeUsd", "sizeInTokens", "entryPrice", "collateralUsd",
            "pendingFeesUsd");
    static final Set<String> POOL_TRADE = Set.of("side", "sizeDeltaUsd");

    private LabPoolSection() {
    }

    static LabInputs.PoolIn read(LabFields f, JsonObject o) throws WorkspaceException {
        double price = pos(o, "indexPrice", null);
        double longUsd = tokenUsd(o, "long", price);
        double shortUsd = tokenUsd(o, "short", 1.0);
        double impactFactor = nonNeg(o, "priceImpactFactor", 0.0);
        List<GmxPool.PoolPosition> positions = new ArrayList<>();
        List<Node> ps = o.array("positions");
        if (ps != null) {
            for (int i = 0; i < ps.size(); i++) {
                JsonObject p = f.obj(ps.get(i), o.childPath("positions") + "[" + i + "]", POOL_POSITION);
                Side side = requiredChoice(p, "side", Side.class);
                double size = pos(p, "sizeUsd", null);
                Double tokens = optPos(p, "sizeInTokens");
                if (tokens == null) {
                    Double entry = optPos(p, "entryPrice");
                    if (entry == null) {
                        throw missing(p, "sizeInTokens", "give sizeInTokens or entryPrice");
                    }
                    tokens = size / entry;
                }
                double t = tokens;
                positions.add(build(p.path(), p.node(), () -> new GmxPool.PoolPosition(side, size, t,
                        nonNeg(p, "collateralUsd", null), nonNeg(p, "pendingFeesUsd", 0.0))));
            }
        }
        GmxPool pool = build(o.path(), o.node(), () -> new GmxPool(longUsd, shortUsd, price,
                nonNeg(o, "impactPoolTokens", 0.0), nonNeg(o, "pendingBorrowingFees", 0.0),
                nonNeg(o, "maxPnlFactor", 1.0), nonNeg(o, "maxPnlFactorForAdl", 0.45),
                nonNeg(o, "minPnlFactorAfterAdl", 0.4), nonNeg(o, "positionFeeFactor", 0.0005),
                nonNeg(o, "positiveImpactFactor", impactFactor), nonNeg(o, "negativeImpactFactor", impactFactor),
                pos(o, "impactExponent", 2.0), nonNeg(o, "fundingFactor", 0.0), pos(o, "fundingExponent", 1.0),
                nonNeg(o, "borrowingFactor", 0.0), pos(o, "borrowingExponent", 1.0),
                nonNeg(o, "minCollateralFactor", 0.01), nonNeg(o, "minCollateralUsd", 0.0), positions));
        List<LabInputs.PoolTrade> trades = new ArrayList<>();
        List<Node> ts = o.array("trades");
        if (ts != null) {
            for (int i = 0; i < ts.size(); i++) {
                JsonObject t = f.obj(ts.get(i), o.childPath("trades") + "[" + i + "]", POOL_TRADE);
                Side side = requiredChoice(t, "side", Side.class);
                Double delta = t.number("sizeDeltaUsd");
                if (delta == null || delta == 0) {
                    throw missing(t, "sizeDeltaUsd", "give the size change in USD (+ open, − close)");
                }
                trades.add(new LabInputs.PoolTrade(side, delta));
            }
        }
        return new LabInputs.PoolIn(pool, trades);
    }

    private static double tokenUsd(JsonObject o, String side, double defaultPrice) throws WorkspaceException {
        String usd = side + "TokenUsd";
        String amount = side + "TokenAmount";
        if (o.has(usd) && o.has(amount)) {
            throw invalid(o, amount, "give " + usd + " or " + amount + ", not both");
        }
        if (o.has(amount)) {
            return nonNeg(o, amount, null) * pos(o, side + "TokenPrice", defaultPrice);
        }
        return nonNeg(o, usd, null);
    }
}
