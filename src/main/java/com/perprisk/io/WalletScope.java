package com.perprisk.io;

import com.perprisk.engine.Account;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Position;

import java.util.List;
import java.util.Map;

/**
 * What the workspace's {@code account.walletBalance} is (the optional field {@code account.walletScope}): the
 * cross pool's wallet, as the engine takes it ({@link #CROSS}, the default), or the whole account's wallet, from which
 * the isolated positions' margins (posted + extra) are taken ({@link #TOTAL}); the cross wallet is what remains.
 */
public enum WalletScope {
    /** {@code walletBalance} is the cross wallet; isolated margins are held apart from it (the default). */
    CROSS,
    /** {@code walletBalance} is the total wallet; the cross wallet is it minus every isolated margin. */
    TOTAL;

    /** The field's name in the account object. */
    public static final String FIELD = "walletScope";

    /** The scope an account object names; {@link #CROSS} when it names none. */
    public static WalletScope of(Map<String, Object> accountExtra) {
        Object v = accountExtra == null ? null : accountExtra.get(FIELD);
        return v != null && TOTAL.name().equals(v.toString()) ? TOTAL : CROSS;
    }

    /** Σ margin (posted + extra) of the isolated positions, taken from a total wallet. */
    public static double isolatedMargins(List<Position> positions) {
        return positions.stream().filter(p -> p.marginMode() == MarginMode.ISOLATED)
                .mapToDouble(Position::isolatedMarginBalance).sum();
    }

    /** The mapping's step: checks the field and, for a total wallet, gives the engine the cross wallet. */
    static final class Check extends FieldChecks {
        Check(List<FieldProblem> problems) {
            super(problems);
        }

        Account crossAccount(Map<String, Object> accountExtra, Account account, List<Position> positions) {
            Object v = accountExtra == null ? null : accountExtra.get(FIELD);
            if (v == null) {
                return account;
            }
            WalletScope scope = enumValue("account." + FIELD, v.toString(), WalletScope.class, "wallet scope");
            if (scope != TOTAL || account == null) {
                return account;
            }
            double isolated = isolatedMargins(positions);
            double cross = account.walletBalance() - isolated;
            if (cross < 0) {
                error("account.walletBalance", "the total wallet " + num(account.walletBalance())
                        + " is less than the isolated positions' margins " + num(isolated) + " taken from it");
                return account;
            }
            return new Account(cross, account.positionMode());
        }
    }
}
