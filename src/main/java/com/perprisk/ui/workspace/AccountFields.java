package com.perprisk.ui.workspace;

import com.perprisk.engine.PositionMode;
import com.perprisk.io.WalletScope;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The account's inputs: wallet balance of the linear quote pool (cross, or total with {@link WalletScope#TOTAL}), the
 * cross wallet of each settle coin of inverse contracts, position mode, and the workspace's funding horizon in hours.
 */
public final class AccountFields {
    private final StringProperty walletBalance = new SimpleStringProperty(this, "walletBalance", "");
    private final ObjectProperty<PositionMode> positionMode = new SimpleObjectProperty<>(this, "positionMode",
            PositionMode.ONE_WAY);
    private final StringProperty horizonHours = new SimpleStringProperty(this, "horizonHours", "");
    /** Whether the wallet typed is the cross wallet (the default) or the total one isolated margins come out of. */
    private final ObjectProperty<WalletScope> walletScope = new SimpleObjectProperty<>(this, "walletScope",
            WalletScope.CROSS);
    /** The cross wallet of each settle coin of inverse contracts, as typed, in file order ("BTC" → "1.5"). */
    private final ObservableMap<String, StringProperty> coinWallets = FXCollections.observableMap(
            new LinkedHashMap<>());
    private final EditListener listener;
    Map<String, Object> extra = new LinkedHashMap<>();

    AccountFields(EditListener listener) {
        this.listener = listener;
        EditListener.watch(listener, walletBalance, positionMode, horizonHours, walletScope);
    }

    /** The coins with a wallet field, in order; the map changes when a coin is added or the document is loaded. */
    public ObservableMap<String, StringProperty> coinWallets() {
        return coinWallets;
    }

    /** The wallet field of a coin, created (blank) the first time it is asked for. */
    public StringProperty coinWallet(String asset) {
        StringProperty p = coinWallets.get(asset);
        if (p == null) {
            p = new SimpleStringProperty(this, "coinWallets." + asset, "");
            EditListener.watch(listener, p);
            coinWallets.put(asset, p);
        }
        return p;
    }

    /** Sets the coins' wallets from a document (none: no fields), keeping the field of a coin that stays. */
    void setCoinWallets(Map<String, String> texts) {
        coinWallets.keySet().retainAll(texts.keySet());
        texts.forEach((asset, text) -> coinWallet(asset).set(text));
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
