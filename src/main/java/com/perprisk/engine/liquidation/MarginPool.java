package com.perprisk.engine.liquidation;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The collateral that backs a position, seen as a function of one market's mark price P with everything else frozen:
 *
 * <pre>
 * marginBalance(P)   = fixedBalance + Σ_legs side × Q × (P − EP)
 * requirement(P)     = fixedRequirement + Σ_legs MM_leg(P)
 * </pre>
 *
 * Isolated: fixedBalance = the position's margin, one leg, nothing fixed in the requirement. Cross: fixedBalance =
 * cross wallet + uPnL of cross positions in other markets at their marks, fixedRequirement = their maintenance
 * requirement, legs = every cross position in this market (both legs in hedge mode).
 */
public final class MarginPool {
    private final String symbol;
    private final boolean isolated;
    private final double walletOrMargin;
    private final double otherUnrealizedPnl;
    private final double otherRequirement;
    private final List<Leg> legs;
    private final double markPrice;
    /** the surplus lines per requirement, built on first solve (a pool is immutable, so they never change) */
    private SurplusLines maintenanceLines;
    private SurplusLines zeroLines;
    private SurplusLines closeFeeLines;
    /** one bit per requirement solved at least once ({@link #firstSolve}) */
    private int solved;
    /**
     * The margin balance and maintenance requirement at the mark when the caller computed them (the same sums, in
     * the same order, of the legs' uPnL and requirement it had already worked out); else NaN, and computed on use.
     */
    private final double balanceAtMark;
    private final double requirementAtMark;

    private MarginPool(String symbol, boolean isolated, double walletOrMargin, double otherUnrealizedPnl,
                       double otherRequirement, List<Leg> legs, double markPrice) {
        this(symbol, isolated, walletOrMargin, otherUnrealizedPnl, otherRequirement, legs, markPrice, Double.NaN,
                Double.NaN);
    }

    private MarginPool(String symbol, boolean isolated, double walletOrMargin, double otherUnrealizedPnl,
                       double otherRequirement, List<Leg> legs, double markPrice, double balanceAtMark,
                       double requirementAtMark) {
        this.symbol = symbol;
        this.isolated = isolated;
        this.walletOrMargin = walletOrMargin;
        this.otherUnrealizedPnl = otherUnrealizedPnl;
        this.otherRequirement = otherRequirement;
        this.legs = List.copyOf(legs);
        this.markPrice = markPrice;
        this.balanceAtMark = balanceAtMark;
        this.requirementAtMark = requirementAtMark;
    }

    /** The pool a position belongs to, as a function of its own market's mark price. */
    public static MarginPool of(Portfolio portfolio, String positionId) {
        return of(portfolio, positionId, MarginRules::of);
    }

    /** The same pool with each market charged by the given rules (a comparison switching one factor). */
    public static MarginPool of(Portfolio portfolio, String positionId, Function<Market, MarginRules> rules) {
        Position target = portfolio.positions().stream().filter(p -> p.id().equals(positionId)).findFirst()
                .orElseThrow(() -> new EngineException("unknown position " + positionId));
        Market market = portfolio.requireMarket(target.symbol());
        if (market.isInverse()) { // its pool is in the settle coin: engine.inverse.CoinPool
            throw new EngineException(positionId + " is an inverse position: its pool is a CoinPool");
        }
        return target.isIsolated() ? isolated(target, market, rules.apply(market))
                : crossPools(portfolio, rules).get(target.symbol());
    }

    /** An isolated position's own pool: its margin against its own requirement. */
    public static MarginPool isolated(Position position, Market market) {
        return isolated(position, market, MarginRules.of(market));
    }

    public static MarginPool isolated(Position position, Market market, MarginRules rules) {
        return new MarginPool(market.symbol(), true, position.isolatedMarginBalance(), 0, 0,
                List.of(new Leg(position, market, rules)), market.markPrice());
    }

    /**
     * An isolated position's own pool, from its leg and the leg's uPnL and maintenance requirement at the mark, which
     * the caller has computed ({@code leg.unrealizedPnl(mark)}, {@code leg.requirement(mark)}): the same pool as
     * {@link #isolated(Position, Market, MarginRules)}, whose figures at the mark are then read, not recomputed.
     */
    public static MarginPool isolated(Leg leg, double pnlAtMark, double requirementAtMark) {
        Position p = leg.position();
        double walletOrMargin = p.isolatedMarginBalance();
        double mark = leg.market().markPrice();
        return new MarginPool(leg.market().symbol(), true, walletOrMargin, 0, 0, List.of(leg), mark,
                isolatedBalance(walletOrMargin, pnlAtMark), isolatedRequirement(requirementAtMark));
    }

    /**
     * An isolated pool's margin balance at the mark from its margin and its leg's uPnL there: margin + 0 + uPnL, the
     * sum of {@link #marginBalance} (what {@link #isolated(Leg, double, double)} keeps).
     */
    public static double isolatedBalance(double margin, double pnlAtMark) {
        double balance = margin + 0.0;
        balance += pnlAtMark;
        return balance;
    }

    /** An isolated pool's requirement at the mark from its leg's: 0 + the leg's, the sum of {@link #requirement}. */
    public static double isolatedRequirement(double requirementAtMark) {
        double requirement = 0.0;
        requirement += requirementAtMark;
        return requirement;
    }

    /**
     * The cross pool seen from each market, as {@link #crossPools(Portfolio)} builds them, from figures the caller
     * has already computed for every position i: its leg ({@code null} for an isolated position), the index of its
     * market ({@code market[i]}, 0 … markets − 1), and the leg's uPnL and maintenance requirement at that market's
     * mark. Returns the pool of each market index ({@code null} where no cross position trades), with its margin
     * balance and requirement at the mark summed from those figures in the order {@link #marginBalance} and
     * {@link #requirement} sum them.
     */
    public static MarginPool[] crossPools(double wallet, Leg[] legs, int[] market, int markets, double[] pnl,
                                          double[] requirement) {
        boolean[] cross = new boolean[legs.length];
        for (int i = 0; i < legs.length; i++) {
            cross[i] = legs[i] != null;
        }
        return crossPools(new CrossSums(wallet, cross, market, markets, pnl, requirement), legs, market);
    }

    /**
     * The cross pools of the markets of the given legs ({@code legs[i]}, trading market {@code market[i]}; null for
     * a position whose pool is not wanted), with their figures from the sums: every cross leg of such a market must
     * be given, in portfolio order. Returns the pool of each market index, {@code null} where no leg was given.
     */
    public static MarginPool[] crossPools(CrossSums sums, Leg[] legs, int[] market) {
        int markets = sums.markets();
        Leg[][] own = new Leg[markets][];
        int[] filled = new int[markets];
        for (int i = 0; i < legs.length; i++) {
            if (legs[i] == null) {
                continue;
            }
            int m = market[i];
            if (own[m] == null) {
                own[m] = new Leg[sums.legs(m)];
            }
            own[m][filled[m]++] = legs[i];
        }
        MarginPool[] pools = new MarginPool[markets];
        for (int m = 0; m < markets; m++) {
            if (own[m] != null) {
                Market mk = own[m][0].market();
                pools[m] = new MarginPool(mk.symbol(), false, sums.wallet(), sums.otherPnl(m),
                        sums.otherRequirement(m), own[m].length == 1 ? List.of(own[m][0]) : List.of(own[m]),
                        mk.markPrice(), sums.balance(m), sums.requirement(m));
            }
        }
        return pools;
    }

    public static Map<String, MarginPool> crossPools(Portfolio portfolio) {
        return crossPools(portfolio, MarginRules::of);
    }

    /**
     * The cross pool seen from each market that has cross positions, built in one pass: for market m, the other
     * markets' uPnL and requirement are the totals less m's own share.
     */
    public static Map<String, MarginPool> crossPools(Portfolio portfolio, Function<Market, MarginRules> rules) {
        Map<String, Market> markets = portfolio.marketsBySymbol();
        Map<String, Own> bySymbol = new LinkedHashMap<>(portfolio.markets().size() * 4 / 3 + 1);
        double totalPnl = 0;
        double totalReq = 0;
        for (Position p : portfolio.positions()) {
            if (p.isIsolated()) {
                continue;
            }
            Own own = bySymbol.get(p.symbol());
            if (own == null) {
                Market m = markets.get(p.symbol());
                if (m == null) {
                    throw new EngineException("unknown symbol " + p.symbol());
                }
                if (m.isInverse()) { // the quote pool holds linear contracts only; each coin has its own CoinPool
                    continue;
                }
                own = new Own(m);
                bySymbol.put(p.symbol(), own);
            }
            Leg leg = new Leg(p, own.market, rules.apply(own.market));
            double pnl = leg.unrealizedPnl(own.market.markPrice());
            double req = leg.requirement(own.market.markPrice());
            own.legs.add(leg);
            own.pnl += pnl;
            own.req += req;
            totalPnl += pnl;
            totalReq += req;
        }
        Map<String, MarginPool> pools = new LinkedHashMap<>(bySymbol.size() * 4 / 3 + 1);
        double wallet = portfolio.account().walletBalance();
        for (var e : bySymbol.entrySet()) {
            Own own = e.getValue();
            pools.put(e.getKey(), new MarginPool(e.getKey(), false, wallet, totalPnl - own.pnl, totalReq - own.req,
                    own.legs, own.market.markPrice()));
        }
        return pools;
    }

    /** One market's share of the cross pool while the pools are built: its legs, their uPnL and requirement. */
    private static final class Own {
        final Market market;
        final List<Leg> legs = new ArrayList<>(2);
        double pnl;
        double req;

        Own(Market market) {
            this.market = market;
        }
    }

    public String symbol() {
        return symbol;
    }

    public boolean isolated() {
        return isolated;
    }

    /** Cross wallet balance, or the isolated position's margin. */
    public double walletOrMargin() {
        return walletOrMargin;
    }

    /** UPNL of the formula: uPnL of cross positions in other markets, frozen at their marks (0 if isolated). */
    public double otherUnrealizedPnl() {
        return otherUnrealizedPnl;
    }

    /** TMM of the formula: maintenance requirement of cross positions in other markets (0 if isolated). */
    public double otherRequirement() {
        return otherRequirement;
    }

    public List<Leg> legs() {
        return legs;
    }

    public double markPrice() {
        return markPrice;
    }

    /**
     * The surplus as straight lines for one requirement, built once. Publication without a lock is safe: every
     * field of {@link SurplusLines} is final, and two threads that race build equal lines.
     */
    /**
     * Whether this is the pool's first solve for a requirement (then marked as done): a pool solved once (the
     * report's) is solved without building its lines, a pool solved again (a sweep, a benchmark) builds them on its
     * second solve and reads them after. Not synchronized: a race only moves when the lines are built, never what a
     * solve answers.
     */
    boolean firstSolve(Requirement kind) {
        int bit = 1 << kind.ordinal();
        boolean first = (solved & bit) == 0;
        solved |= bit;
        return first;
    }

    /** The lines for one requirement if a solve has built them, else null (nothing is built). */
    SurplusLines builtLines(Requirement kind) {
        return switch (kind) {
            case MAINTENANCE -> maintenanceLines;
            case ZERO -> zeroLines;
            case CLOSE_FEE -> closeFeeLines;
        };
    }

    SurplusLines lines(Requirement kind) {
        SurplusLines l = builtLines(kind);
        if (l == null) {
            l = SurplusLines.of(this, kind);
            switch (kind) {
                case MAINTENANCE -> maintenanceLines = l;
                case ZERO -> zeroLines = l;
                case CLOSE_FEE -> closeFeeLines = l;
            }
        }
        return l;
    }

    /** Margin balance at mark price P: WB (or isolated margin) + UPNL of others + Σ legs' uPnL at P. */
    public double marginBalance(double price) {
        if (price == markPrice && !Double.isNaN(balanceAtMark)) {
            return balanceAtMark;
        }
        double b = walletOrMargin + otherUnrealizedPnl;
        for (Leg leg : legs) {
            b += leg.unrealizedPnl(price);
        }
        return b;
    }

    /** Maintenance requirement at mark price P: TMM of others + Σ legs' requirement at P. */
    public double requirement(double price) {
        return requirement(price, Requirement.MAINTENANCE);
    }

    public double requirement(double price, Requirement kind) {
        if (kind == Requirement.MAINTENANCE && price == markPrice && !Double.isNaN(requirementAtMark)) {
            return requirementAtMark;
        }
        double r = kind == Requirement.MAINTENANCE ? otherRequirement : 0;
        for (Leg leg : legs) {
            r += switch (kind) {
                case MAINTENANCE -> leg.requirement(price);
                case ZERO -> 0.0;
                case CLOSE_FEE -> leg.market().takerFeeRate() * leg.position().notionalAt(price);
            };
        }
        return r;
    }

    /** Margin ratio at P: requirement / margin balance; 1 at the liquidation price. Null when balance ≤ 0. */
    public Double marginRatio(double price) {
        double balance = marginBalance(price);
        return balance > 0 ? ratio(requirement(price), balance) : null;
    }

    /**
     * Margin ratio = maintenance requirement / margin balance. A bankrupt pool (balance ≤ 0) has no ratio: null,
     * the one convention of the engine, the simulation and every view (never +∞).
     */
    public static Double ratio(double requirement, double balance) {
        return balance > 0 ? requirement / balance : null;
    }

    /** f(P) = margin balance − requirement: positive while safe, zero at the liquidation price. */
    public double surplus(double price, Requirement kind) {
        return marginBalance(price) - requirement(price, kind);
    }
}
