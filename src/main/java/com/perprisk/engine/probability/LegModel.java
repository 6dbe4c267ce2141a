package com.perprisk.engine.probability;

import com.perprisk.engine.Convention;
import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierTable;

/**
 * A leg flattened into primitive fields for the Monte Carlo inner loop: the same maintenance requirement as
 * {@link com.perprisk.engine.liquidation.Leg}, with no allocation per call, plus an exact liquidation-price solve for a
 * pool made of this leg alone (isolated, or a cross pool holding nothing else).
 */
final class LegModel {
    final int market;
    final int side;
    final double q;
    final double ep;
    final double fee;
    final boolean measureAtEntry;
    final boolean bracketAtEntry;
    final double[] floors;
    final double[] caps;
    final double[] mmr;
    final double[] amount;
    final int entryBracket;
    final double mmEntry;

    LegModel(int market, Position p, Market m) {
        this.market = market;
        this.side = p.side().sign();
        this.q = p.size();
        this.ep = p.entryPrice();
        this.fee = m.closeFeeInRequirement();
        this.measureAtEntry = m.convention().maintenanceMeasuredAt() == Convention.PriceBasis.ENTRY;
        this.bracketAtEntry = m.convention().bracketSelectedAt() == Convention.PriceBasis.ENTRY;
        TierTable t = m.tiers();
        int n = t.size();
        floors = new double[n];
        caps = new double[n];
        mmr = new double[n];
        amount = new double[n];
        for (int i = 0; i < n; i++) {
            Tier tier = t.tier(i);
            floors[i] = tier.floor();
            caps[i] = i == n - 1 ? Double.POSITIVE_INFINITY : tier.cap();
            mmr[i] = tier.mmr();
            amount[i] = tier.maintenanceAmount();
        }
        entryBracket = bracket(q * ep);
        // MM at entry = Q × EP × MMR_k − amount_k of the entry bracket (Bybit)
        mmEntry = q * ep * mmr[entryBracket] - amount[entryBracket];
    }

    /** Last bracket whose floor is ≤ the notional (a linear scan: tables are short). */
    int bracket(double notional) {
        int k = 0;
        while (k + 1 < floors.length && floors[k + 1] <= notional) {
            k++;
        }
        return k;
    }

    /** uPnL = side × Q × (P − EP). */
    double pnl(double price) {
        return side * q * (price - ep);
    }

    /** Requirement at P: MM at P (or at entry) plus the close fee × Q × P where the convention counts it. */
    double requirement(double price) {
        if (measureAtEntry) {
            // MM fixed at entry + fee × Q × P
            return mmEntry + fee * q * price;
        }
        int k = bracketAtEntry ? entryBracket : bracket(q * price);
        // Q × P × (MMR_k + fee) − amount_k
        return q * price * (mmr[k] + fee) - amount[k];
    }

    /**
     * Liquidation price of a pool made of this leg alone with the given margin: the root of
     * f(P) = margin + side × Q × (P − EP) − requirement(P), segment by segment, nearest to {@code mark};
     * NaN when there is none at a positive price.
     */
    double solveAlone(double margin, double mark) {
        double best = Double.NaN;
        boolean moving = !measureAtEntry && !bracketAtEntry;
        int segments = moving ? floors.length : 1;
        double prevRight = Double.NaN;
        for (int k = 0; k < segments; k++) {
            double from = moving ? floors[k] / q : 0;
            double to = moving ? caps[k] / q : Double.POSITIVE_INFINITY;
            double intercept;
            double slope;
            if (measureAtEntry) {
                // f = (M − side·Q·EP − MM_entry) + P × (side·Q − fee·Q)
                intercept = margin - side * q * ep - mmEntry;
                slope = side * q - fee * q;
            } else {
                int b = moving ? k : entryBracket;
                // f = (M − side·Q·EP + amount_k) + P × (side·Q − Q × (MMR_k + fee))
                intercept = margin - side * q * ep + amount[b];
                slope = side * q - q * (mmr[b] + fee);
            }
            double left = intercept + slope * from;
            if (k > 0 && ((prevRight > 0 && left < 0) || (prevRight < 0 && left > 0))) {
                best = nearer(best, from, mark);
            }
            if (slope != 0) {
                double z = -intercept / slope;
                if (z > 0 && z >= from * (1 - 1e-12) && z <= to * (1 + 1e-12)) {
                    best = nearer(best, Math.min(Math.max(z, from), to), mark);
                }
            }
            prevRight = Double.isInfinite(to) ? Double.NaN : intercept + slope * to;
        }
        return best;
    }

    private static double nearer(double best, double candidate, double mark) {
        return Double.isNaN(best) || Math.abs(candidate - mark) < Math.abs(best - mark) ? candidate : best;
    }
}
