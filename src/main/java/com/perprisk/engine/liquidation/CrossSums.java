package com.perprisk.engine.liquidation;

/**
 * The cross pool seen from each market, as sums only (no pool, no leg): from the uPnL and maintenance requirement at
 * the mark of every position, computed once, the other markets' uPnL (UPNL) and requirement (TMM) of each market, and
 * its pool's margin balance and requirement at the mark, summed in the order {@link MarginPool#marginBalance} and
 * {@link MarginPool#requirement} sum them. What {@link MarginPool#crossPools(double, Leg[], int[], int, double[],
 * double[])} builds its pools from, and what the report reads for a market whose pool it does not build.
 */
public final class CrossSums {
    private final double wallet;
    private final int[] legs;
    private final double[] ownPnl;
    private final double[] ownRequirement;
    private final double[] balance;
    private final double[] requirement;
    private final double totalPnl;
    private final double totalRequirement;

    /**
     * The sums over the positions i with {@code cross[i]}: position i trades market {@code market[i]} (0 … markets −
     * 1), its uPnL at that market's mark is {@code pnl[i]} and its requirement there {@code requirement[i]}.
     */
    public CrossSums(double wallet, boolean[] cross, int[] market, int markets, double[] pnl, double[] requirement) {
        this.wallet = wallet;
        legs = new int[markets];
        ownPnl = new double[markets];
        ownRequirement = new double[markets];
        double totalPnl = 0;
        double totalReq = 0;
        for (int i = 0; i < cross.length; i++) {
            if (!cross[i]) {
                continue;
            }
            int m = market[i];
            legs[m]++;
            ownPnl[m] += pnl[i];
            ownRequirement[m] += requirement[i];
            totalPnl += pnl[i];
            totalReq += requirement[i];
        }
        this.totalPnl = totalPnl;
        this.totalRequirement = totalReq;
        balance = new double[markets];
        this.requirement = new double[markets];
        for (int m = 0; m < markets; m++) {
            if (legs[m] > 0) {
                // WB + UPNL of the other markets, then each leg's uPnL; TMM of the others, then each leg's
                balance[m] = wallet + otherPnl(m);
                this.requirement[m] = otherRequirement(m);
            }
        }
        for (int i = 0; i < cross.length; i++) {
            if (cross[i]) {
                balance[market[i]] += pnl[i];
                this.requirement[market[i]] += requirement[i];
            }
        }
    }

    /** The cross wallet balance (WB). */
    public double wallet() {
        return wallet;
    }

    /** How many markets the sums are over. */
    public int markets() {
        return legs.length;
    }

    /** How many cross positions trade market m (0: the market has no cross pool). */
    public int legs(int m) {
        return legs[m];
    }

    /** UPNL seen from market m: the uPnL of cross positions in the other markets at their marks. */
    public double otherPnl(int m) {
        return totalPnl - ownPnl[m];
    }

    /** TMM seen from market m: the maintenance requirement of cross positions in the other markets. */
    public double otherRequirement(int m) {
        return totalRequirement - ownRequirement[m];
    }

    /** Margin balance of market m's cross pool at its mark: WB + UPNL + each of its legs' uPnL. */
    public double balance(int m) {
        return balance[m];
    }

    /** Maintenance requirement of market m's cross pool at its mark: TMM + each of its legs' requirement. */
    public double requirement(int m) {
        return requirement[m];
    }
}
