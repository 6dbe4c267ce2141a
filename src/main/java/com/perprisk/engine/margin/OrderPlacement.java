package com.perprisk.engine.margin;

import com.perprisk.engine.Account;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.explain.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts an order into a portfolio the way a venue fills it, giving the portfolio after the fill.
 *
 * <ul>
 *   <li>No position on that symbol (one-way) or on that symbol and side (hedge): the order opens a new position.</li>
 *   <li>A position on the same side: the order adds to it (venues keep one position per symbol, or per symbol and
 *       side in hedge mode): size Q₁ + Q₂, size-weighted entry, the order's leverage for the whole position.</li>
 *   <li>One-way, a position on the other side: refused unless the order names it ({@link Order#addTo()}); then the
 *       order nets against it: it reduces it, closes it, or closes it and opens the rest the other way (a flip). The
 *       PnL of the closed part (side₁ × Q_closed × (EP₂ − EP₁)) and the margin an isolated position releases go to the
 *       wallet.</li>
 *   <li>An isolated order takes its initial margin out of the cross wallet (isolated margin is held apart from it).
 *       Fees are shown on the ticket and not taken from the wallet.</li>
 *   <li>An inverse contract: the size is whole contracts (a notional or margin in the settle coin buys the whole
 *       contracts it covers, {@link InverseOrder#contracts}), entries average harmonically, and the wallet is the
 *       settle coin's cross wallet; a cross order needs one, an isolated order without one posts its margin from
 *       outside the account.</li>
 * </ul>
 * A leverage above the max leverage of the bracket of the resulting position's notional is refused.
 */
public final class OrderPlacement {
    /** Id of a position the order opens when nothing else is named ("ticket", then "ticket2", …). */
    public static final String NEW_ID = "ticket";
    private static final double SAME_SIZE = 1e-12;

    private OrderPlacement() {
    }

    /** What the fill does to the position it meets. */
    public enum Effect { OPEN, ADD, REDUCE, CLOSE, FLIP }

    /**
     * The fill.
     *
     * @param effect       what it did
     * @param order        the order alone, as a position (its own size, entry, leverage, mode)
     * @param entryPrice   its fill price
     * @param feeRate      the taker fee rate to open
     * @param joined       the position it added to or netted against, before the fill (null when it opened one)
     * @param result       the position after the fill (null when the fill closed it)
     * @param after        the portfolio after the fill
     * @param realizedPnl  PnL of the closed part of a position (0 unless it reduced, closed or flipped one)
     */
    public record Placement(Effect effect, Position order, double entryPrice, double feeRate, Position joined,
                            Position result, Portfolio after, double realizedPnl) {

        /** Id of the position the order ends up in (or closed). */
        public String positionId() {
            return result != null ? result.id() : joined.id();
        }
    }

    public static Placement place(Portfolio before, Order order) {
        Market market = before.market(order.symbol()).orElseThrow(() -> new TicketException(Order.Field.SYMBOL,
                "unknown market " + order.symbol() + "; the workspace has " + before.markets().stream()
                        .map(Market::symbol).collect(Collectors.joining(", "))));
        double entry = order.entryPrice() != null ? order.entryPrice() : market.markPrice();
        double fee = order.feeRate() != null ? order.feeRate() : market.takerFeeRate();
        // whole contracts of an inverse contract (a coin notional or margin rounded down), base units otherwise
        double q = market.isInverse() ? InverseOrder.contracts(order, entry, market) : order.sizeAt(entry);
        if (!Double.isFinite(q) || q <= 0) {
            throw new TicketException(Order.Field.AMOUNT, "the amount gives no size at " + Numbers.plain(entry));
        }
        Position joined = joined(before, order);
        MarginMode mode = order.marginMode() != null ? order.marginMode() : joined != null ? joined.marginMode()
                : MarginMode.CROSS;
        if (joined != null && mode != joined.marginMode()) {
            throw new TicketException(Order.Field.MODE, joined.id() + " is " + joined.marginMode().name().toLowerCase()
                    + ": an order joins a position in its own margin mode");
        }
        String id = joined != null ? joined.id() : freshId(before);
        Position alone = new Position(id, order.symbol(), order.side(), q, entry, order.leverage(), mode, null, 0);
        // the wallet the order draws on: the quote wallet, or the settle coin's for an inverse contract
        String coin = market.isInverse() ? market.contract().settleAsset() : null;
        Double coinWallet = coin == null ? null : before.account().coinWallet(coin);
        if (coin != null && coinWallet == null && mode == MarginMode.CROSS) {
            throw new TicketException(Order.Field.MODE, "a cross " + market.symbol() + " order shares the " + coin
                    + " cross wallet, and the account has none: type a " + coin + " wallet, or choose isolated");
        }
        double wallet = coin == null ? before.account().walletBalance() : coinWallet == null ? 0 : coinWallet;
        List<Position> positions = new ArrayList<>(before.positions());
        Effect effect;
        Position result;
        double realized = 0;
        if (joined == null) {
            effect = Effect.OPEN;
            result = alone;
            positions.add(result);
            wallet -= isolatedCost(result, market);
        } else if (joined.side() == order.side()) {
            effect = Effect.ADD;
            result = added(joined, alone, market);
            positions.set(positions.indexOf(joined), result);
            wallet -= mode == MarginMode.ISOLATED ? market.initialMargin(alone) : 0;
        } else {
            double closed = Math.min(q, joined.size());
            // realized PnL of the closed part: side₁ × Q_closed × (EP₂ − EP₁), or in coin for an inverse contract
            realized = market.unrealizedPnl(joined.withSize(closed), entry);
            wallet += realized;
            int at = positions.indexOf(joined);
            if (Math.abs(q - joined.size()) <= SAME_SIZE * joined.size()) {
                effect = Effect.CLOSE;
                result = null;
                positions.remove(at);
                wallet += joined.isIsolated() ? market.isolatedMarginBalance(joined) : 0;
            } else if (q < joined.size()) {
                effect = Effect.REDUCE;
                double keep = (joined.size() - q) / joined.size();
                result = joined.withSize(joined.size() - q);
                if (joined.isIsolated()) {
                    double posted = market.isolatedMarginBalance(joined) - joined.extraMargin();
                    result = result.withIsolatedMargin(joined.isolatedMargin() == null ? null : posted * keep,
                            joined.extraMargin() * keep);
                    wallet += market.isolatedMarginBalance(joined) - market.isolatedMarginBalance(result);
                }
                positions.set(at, result);
            } else {
                effect = Effect.FLIP;
                wallet += joined.isIsolated() ? market.isolatedMarginBalance(joined) : 0;
                result = alone.withSize(q - joined.size());
                wallet -= isolatedCost(result, market);
                positions.set(at, result);
            }
        }
        if (result != null && effect != Effect.REDUCE) {
            checkLeverage(market, result);
        }
        Account account = before.account();
        if (coin == null) {
            account = account.withWalletBalance(wallet);
        } else if (coinWallet != null) { // without a coin wallet an isolated order's margin comes from outside
            if (wallet < 0 && coinWallet >= 0) {
                throw new TicketException(Order.Field.AMOUNT, "the order's isolated margin would take the " + coin
                        + " cross wallet from " + Numbers.plain(coinWallet) + " to " + Numbers.plain(wallet) + " "
                        + coin + ": a smaller order, or more " + coin + " in the wallet");
            }
            java.util.Map<String, Double> wallets = new java.util.LinkedHashMap<>(account.coinWallets());
            wallets.put(coin, wallet);
            account = account.withCoinWallets(wallets);
        }
        Portfolio after = new Portfolio(account, before.markets(), positions, before.horizonHours());
        return new Placement(effect, alone, entry, fee, joined, result, after, realized);
    }

    /** The position an order meets: the one it names, else the one the venue would merge it into. */
    private static Position joined(Portfolio before, Order order) {
        boolean hedge = before.account().positionMode() == PositionMode.HEDGE;
        if (order.addTo() != null) {
            Position p = before.positions().stream().filter(x -> x.id().equals(order.addTo())).findFirst()
                    .orElseThrow(() -> new TicketException(Order.Field.ADD_TO, "no position " + order.addTo()
                            + "; the workspace has " + (before.positions().isEmpty() ? "none" : before.positions()
                            .stream().map(Position::id).collect(Collectors.joining(", ")))));
            if (!p.symbol().equals(order.symbol())) {
                throw new TicketException(Order.Field.ADD_TO, p.id() + " is a " + p.symbol() + " position; the order"
                        + " is for " + order.symbol());
            }
            if (hedge && p.side() != order.side()) {
                throw new TicketException(Order.Field.ADD_TO, "in hedge mode the long and short legs are apart: a "
                        + order.side().name().toLowerCase() + " order joins the " + order.side().name().toLowerCase()
                        + " leg, and " + p.id() + " is " + p.side().name().toLowerCase());
            }
            return p;
        }
        for (Position p : before.positions()) {
            if (!p.symbol().equals(order.symbol()) || hedge && p.side() != order.side()) {
                continue;
            }
            if (p.side() != order.side()) {
                throw new TicketException(Order.Field.SIDE, "a " + order.side().name().toLowerCase() + " order would"
                        + " reduce or flip " + p.id() + " (" + p.side().name().toLowerCase() + " " + Numbers.plain(
                        p.size()) + " " + p.symbol() + ") in a one-way account: name " + p.id() + " to add to, to net"
                        + " against it, or use hedge mode");
            }
            return p;
        }
        return null;
    }

    /** Q₁ + Q₂ at the size-weighted entry and the order's leverage; isolated margins add up. */
    private static Position added(Position held, Position order, Market market) {
        double size = held.size() + order.size();
        // harmonic (contracts over coin value) for an inverse contract, size-weighted for a linear one
        double entry = AverageEntry.of(market.contract(), List.of(new AverageEntry.Fill(held.size(),
                        held.entryPrice()),
                new AverageEntry.Fill(order.size(), order.entryPrice())));
        Double isolated = null;
        if (held.isIsolated() && (held.isolatedMargin() != null || held.leverage() != order.leverage())) {
            isolated = market.isolatedMarginBalance(held) - held.extraMargin() + market.initialMargin(order);
        }
        return new Position(held.id(), held.symbol(), held.side(), size, entry, order.leverage(), held.marginMode(),
                isolated, held.extraMargin());
    }

    private static double isolatedCost(Position p, Market market) {
        return p.isIsolated() ? market.initialMargin(p) : 0;
    }

    private static void checkLeverage(Market market, Position p) {
        double max = market.maxLeverage(market.entryNotional(p));
        if (p.leverage() > max) {
            throw new TicketException(Order.Field.LEVERAGE, "leverage " + Numbers.plain(p.leverage()) + " exceeds the"
                    + " max leverage " + Numbers.plain(max) + " of the " + market.symbol() + " bracket for a notional"
                    + " of " + Numbers.plain(market.entryNotional(p)) + (market.isInverse() ? " " + market.marginAsset()
                    : ""));
        }
    }

    private static String freshId(Portfolio before) {
        Set<String> used = before.positions().stream().map(Position::id).collect(Collectors.toSet());
        String id = NEW_ID;
        for (int i = 2; used.contains(id); i++) {
            id = NEW_ID + i;
        }
        return id;
    }
}
