package com.perprisk.engine.probability;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.MarginRules;

/**
 * A leg as the Monte Carlo inner loop needs it: its market's index in the path arrays, and the engine's own
 * requirement and solver with nothing allocated per step. The surplus lines of a pool made of this leg alone with
 * zero margin are built once (on its first solve); a margin M only raises every line by M, so
 * re-solving after funding settles is {@link LiquidationSolver#solveShifted}.
 *
 * <p>An inverse leg is held as the linear leg it is in x = 1 / P ({@link Reciprocal}): every method still takes the
 * mark P and answers in the settle coin, and its liquidation price is the reciprocal of the root in x.
 */
class LegModel {
    final int market;
    final int side;
    private final Leg leg;
    private final MarginPool aloneAtZeroMargin;
    /** −side × Q of the funding payment, and whether Q passed the payment's check (finite, ≥ 0). */
    private final double signedSize;
    private final boolean sizeChecked;

    LegModel(int market, Position p, Market m) {
        this(market, p.side().sign(), p, m);
    }

    /** @param side the side the position has in price P (its leg may be the opposite one in x = 1 / P) */
    private LegModel(int market, int side, Position p, Market m) {
        this.market = market;
        this.side = side;
        this.leg = new Leg(p, m);
        this.signedSize = FundingPayment.signedSize(p.side(), p.size());
        this.sizeChecked = p.size() >= 0 && p.size() < Double.POSITIVE_INFINITY;
        Position zeroMargin = p.withIsolatedMargin(0.0, 0);
        this.aloneAtZeroMargin = MarginPool.isolated(zeroMargin, m);
    }

    /** The leg of a position: linear as it is, inverse through x = 1 / P. */
    static LegModel of(int market, Position p, Market m) {
        return m.isInverse() ? new Inverse(market, p, m) : new LegModel(market, p, m);
    }

    /** uPnL = side × Q × (P − EP). */
    double pnl(double price) {
        return leg.unrealizedPnl(price);
    }

    /**
     * Funding settled at P: −side × Q × P × F (+ received, − paid), the engine's one formula. Its checks are made
     * once (the size, here; the rate, finite, by the model) and per settlement only on the price and the answer; any
     * that fails goes to the checked formula, which refuses it as before.
     */
    double funding(double price, double rate) {
        double pay = FundingPayment.perSettlement(signedSize, price, rate);
        if (sizeChecked && price > 0 && price < Double.POSITIVE_INFINITY && Double.isFinite(pay)) {
            return pay;
        }
        return FundingPayment.perSettlement(leg.position().side(), leg.position().size(), price, rate);
    }

    /** Maintenance requirement at P under the market's convention. */
    double requirement(double price) {
        return leg.requirement(price);
    }

    /**
     * A bound on how fast this leg's part of its pool's surplus (uPnL − requirement) changes with the price inside a
     * bracket: |d/dP| = Q × |side − MMR − close fee| ≤ Q × (1 + highest MMR + close fee).
     */
    double slopeBound() {
        MarginRules rules = leg.rules();
        double highest = 0;
        for (int k = 0; k < rules.table().size(); k++) {
            highest = Math.max(highest, rules.table().mmrOf(k));
        }
        return leg.position().size() * (1 + highest + Math.abs(rules.closeFeeRate()));
    }

    /**
     * The most the requirement can jump in all when the notional crosses every bracket floor: Σ |f_k × (MMR_k −
     * MMR_{k−1}) − (amount_k − amount_{k−1})|, about 0 when the amounts follow the recursion, 0 when the bracket does
     * not move with the price.
     */
    double jumpBound() {
        MarginRules rules = leg.rules();
        if (!rules.bracketMoves()) {
            return 0;
        }
        double total = 0;
        var t = rules.table();
        for (int k = 1; k < t.size(); k++) {
            double f = t.tier(k).floor();
            double below = f * t.mmrOf(k - 1) - (rules.useAmount() ? t.maintenanceAmountOf(k - 1) : 0);
            double above = f * t.mmrOf(k) - (rules.useAmount() ? t.maintenanceAmountOf(k) : 0);
            total += Math.abs(above - below);
        }
        return total;
    }

    /** The size of this leg's terms in the surplus, for a rounding allowance: Q × EP plus the largest amount. */
    double magnitude() {
        double amount = 0;
        var t = leg.rules().table();
        for (int k = 0; k < t.size(); k++) {
            amount = Math.max(amount, Math.abs(t.maintenanceAmountOf(k)));
        }
        return leg.position().entryNotional() + amount;
    }

    /**
     * The same requirement with the bracket looked up from the one this leg was in at its previous price
     * ({@code brackets[slot]}, −1 for none; updated): a path moves little between steps, so the guess is nearly always
     * right, and the bracket found is the same either way.
     */
    double requirement(double price, int[] brackets, int slot) {
        MarginRules rules = leg.rules();
        int k = rules.bracketIndex(leg.position(), price, brackets[slot]);
        brackets[slot] = k;
        return rules.requirement(leg.position(), price, k);
    }

    /**
     * Liquidation price of a pool made of this leg alone with the given margin, nearest to {@code mark}; NaN when
     * there is none at a positive price.
     */
    double solveAlone(double margin, double mark) {
        return LiquidationSolver.solveShifted(aloneAtZeroMargin, margin, mark);
    }

    /** An inverse leg: the linear leg in x, read at x = 1 / P; amounts in the settle coin. */
    private static final class Inverse extends LegModel {
        private final com.perprisk.engine.Side own;

        Inverse(int market, Position p, Market m) {
            super(market, p.side().sign(), Reciprocal.position(p, m), Reciprocal.market(m));
            this.own = p.side();
        }

        @Override
        double pnl(double price) {
            // side × C × cs × (1/EP − 1/P) = (−side) × Q' × (x − x_e)
            return super.pnl(1 / price);
        }

        @Override
        double funding(double price, double rate) {
            // −side × N(P) × F with N(P) = Q' × x: the position's own side, not the leg's in x
            return FundingPayment.perSettlement(own, legSize(), 1 / price, rate);
        }

        @Override
        double requirement(double price) {
            return super.requirement(1 / price);
        }

        @Override
        double solveAlone(double margin, double mark) {
            double x = super.solveAlone(margin, 1 / mark);
            return Double.isNaN(x) || !(x > 0) ? Double.NaN : 1 / x;
        }
    }

    /** Size of the leg: Q (for an inverse leg, its face value C × cs). */
    final double legSize() {
        return leg.position().size();
    }
}
