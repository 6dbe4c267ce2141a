package com.perprisk.ui.workspace;

import com.perprisk.engine.PositionMode;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/** The account's inputs: cross wallet balance, position mode, and the workspace's funding horizon in hours. */
public final class AccountFields {
    private final StringProperty walletBalance = new SimpleStringProperty(this, "walletBalance", "");
    private final ObjectProperty<PositionMode> positionMode = new SimpleObjectProperty<>(this, "positionMode",
            PositionMode.ONE_WAY);
    private final StringProperty horizonHours = new SimpleStringProperty(this, "horizonHours", "");
    Map<String, Object> extra = new LinkedHashMap<>();

    AccountFields(EditListener listener) {
        EditListener.watch(listener, walletBalance, positionMode, horizonHours);
    }

    public StringProperty walletBalanceProperty() {
        return walletBalance;
    }

    public ObjectProperty<PositionMode> positionModeProperty() {
        return positionMode;
    }

    public StringProperty horizonHoursProperty() {
        return horizonHours;
    }
}
