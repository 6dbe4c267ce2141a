package com.perprisk.engine.liquidation;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;

import java.util.ArrayList;
import java.util.List;

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

    private MarginPool(String symbol, boolean isolated, double walletOrMargin, double otherUnrealizedPnl,
                       double otherRequirement, List<Leg> legs, double markPrice) {
        this.symbol = symbol;
        this.isolated = isolated;
        this.walletOrMargin = walletOrMargin;
        this.otherUnrealizedPnl = otherUnrealizedPnl;
        this.otherRequirement = otherRequirement;
        this.legs = List.copyOf(legs);
        this.markPrice = markPrice;
    }

    /** The pool a position belongs to, as a function of its own market's mark price. */
    public static MarginPool of(Portfolio portfolio, String positionId) {
        Position target = portfolio.positions().stream().filter(p -> p.id().equals(positionId)).findFirst()
                .orElseThrow(() -> new EngineException("unknown position " + positionId));
        Market market = portfolio.requireMarket(target.symbol());
        if (target.isIsolated()) {
            return new MarginPool(market.symbol(), true, target.isolatedMarginBalance(), 0, 0,
                    List.of(new Leg(target, market)), market.markPrice());
        }
        double otherPnl = 0;
        double otherReq = 0;
        List<Leg> legs = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            if (p.isIsolated()) {
                continue;
            }
            Market m = portfolio.requireMarket(p.symbol());
            Leg leg = new Leg(p, m);
            if (p.symbol().equals(target.symbol())) {
                legs.add(leg);
            } else {
                otherPnl += leg.unrealizedPnl(m.markPrice());
                otherReq += leg.requirement(m.markPrice());
            }
        }
        return new MarginPool(market.symbol(), false, portfolio.account().walletBalance(), otherPnl, otherReq, legs,
                market.markPrice());
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

    /** Margin balance at mark price P: WB (or isolated margin) + UPNL of others + Σ legs' uPnL at P. */
    public double marginBalance(double price) {
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
        return balance > 0 ? requirement(price) / balance : null;
    }

    /** f(P) = margin balance − requirement: positive while safe, zero at the liquidation price. */
    public double surplus(double price, Requirement kind) {
        return marginBalance(price) - requirement(price, kind);
    }
}
