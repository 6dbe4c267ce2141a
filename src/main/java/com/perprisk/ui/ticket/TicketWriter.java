package com.perprisk.ui.ticket;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.margin.OrderPlacement;
import com.perprisk.io.WalletScope;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;

/**
 * Writes an order ticket's fill into the workspace as one undoable edit: a new position, or the joined position's new
 * size, entry and leverage (removed when the order closes it), and the wallet the fill moves margin or realized PnL
 * into or out of: the cross wallet, or an inverse contract's settle-coin wallet.
 */
final class TicketWriter {
    private final WorkspaceViewModel workspace;
    private final Formats fmt;

    TicketWriter(WorkspaceViewModel workspace, Formats fmt) {
        this.workspace = workspace;
        this.fmt = fmt;
    }

    /** Writes the fill; returns the id of the position it added, changed or closed. */
    String write(OrderPlacement.Placement fill) {
        String[] added = new String[1];
        workspace.batch(() -> {
            Position r = fill.result();
            if (fill.effect() == OrderPlacement.Effect.OPEN) {
                PositionRow row = workspace.addPosition();
                write(row, r);
                added[0] = row.getId();
            } else {
                PositionRow row = workspace.positions().stream().filter(p -> p.getId().equals(fill.joined().id()))
                        .findFirst().orElse(null);
                if (row != null && r == null) {
                    workspace.removePosition(row);
                } else if (row != null) {
                    write(row, r);
                }
                added[0] = fill.joined().id();
            }
            Portfolio now = workspace.context().getPortfolio();
            Market market = now.market(r != null ? r.symbol() : fill.joined().symbol()).orElse(null);
            if (market != null && market.isInverse()) {
                coinWallet(now, fill.after(), market.contract().settleAsset());
            } else {
                crossWallet(now, fill.after());
            }
        });
        return added[0];
    }

    /** An inverse order moves margin and realized PnL in and out of its settle coin's wallet (the field as typed). */
    private void coinWallet(Portfolio now, Portfolio after, String coin) {
        Double before = now.account().coinWallet(coin);
        Double then = after.account().coinWallet(coin);
        if (before != null && then != null && !then.equals(before)) {
            var field = workspace.account().coinWallet(coin);
            Double typed = fmt.parse(field.get());
            field.set(fmt.editText((typed == null ? before : typed) + then - before));
        }
    }

    private void crossWallet(Portfolio now, Portfolio after) {
        double walletBefore = wallet(now);
        double walletAfter = wallet(after);
        if (walletAfter != walletBefore) {
            Double typed = fmt.parse(workspace.account().walletBalanceProperty().get());
            double base = typed == null ? walletBefore : typed;
            workspace.account().walletBalanceProperty().set(fmt.editText(base + walletAfter - walletBefore));
        }
    }

    /** The wallet as the user types it: the cross wallet, or with a total wallet the isolated margins too. */
    private double wallet(Portfolio p) {
        return p.account().walletBalance() + (workspace.account().walletScopeProperty().get() == WalletScope.TOTAL
                ? WalletScope.isolatedMargins(p) : 0);
    }

    private void write(PositionRow row, Position p) {
        row.symbolProperty().set(p.symbol());
        row.sideProperty().set(p.side());
        row.sizeProperty().set(fmt.editText(p.size()));
        row.entryPriceProperty().set(fmt.editText(p.entryPrice()));
        row.leverageProperty().set(fmt.editText(p.leverage()));
        row.marginModeProperty().set(p.marginMode());
        row.isolatedMarginProperty().set(p.isolatedMargin() == null ? "" : fmt.editText(p.isolatedMargin()));
        row.extraMarginProperty().set(p.extraMargin() == 0 ? "" : fmt.editText(p.extraMargin()));
    }
}
