package com.perprisk.ui.workspace;

import com.perprisk.engine.PositionMode;
import com.perprisk.io.WalletScope;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account's inputs: wallet balance (cross, or total with {@link WalletScope#TOTAL}), position mode, and the
 * workspace's funding horizon in hours.
 */
public final class AccountFields {
    private final StringProperty walletBalance = new SimpleStringProperty(this, "walletBalance", "");
    private final ObjectProperty<PositionMode> positionMode = new SimpleObjectProperty<>(this, "positionMode",
            PositionMode.ONE_WAY);
    private final StringProperty horizonHours = new SimpleStringProperty(this, "horizonHours", "");
    /** Whether the wallet typed is the cross wallet (the default) or the total one isolated margins come out of. */
    private final ObjectProperty<WalletScope> walletScope = new SimpleObjectProperty<>(this, "walletScope",
            WalletScope.CROSS);
    Map<String, Object> extra = new LinkedHashMap<>();

    AccountFields(EditListener listener) {
        EditListener.watch(listener, walletBalance, positionMode, horizonHours, walletScope);
    }

    public StringProperty walletBalanceProperty() {
        return walletBalance;
    }

    public ObjectProperty<PositionMode> positionModeProperty() {
        return positionMode;
    }

    public ObjectProperty<WalletScope> walletScopeProperty() {
        return walletScope;
    }

    public StringProperty horizonHoursProperty() {
        return horizonHours;
    }
}
