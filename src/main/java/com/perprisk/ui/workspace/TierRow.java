package com.perprisk.ui.workspace;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One bracket of a market's tier table as the user edits it. Every field is the text as typed; the MMR is in
 * percent (0.4 means 0.4%). A blank cap means an open last bracket; a blank maintenance amount is derived by the
 * recursion.
 */
public final class TierRow {
    private final StringProperty floor = new SimpleStringProperty(this, "floor", "");
    private final StringProperty cap = new SimpleStringProperty(this, "cap", "");
    private final StringProperty maxLeverage = new SimpleStringProperty(this, "maxLeverage", "");
    private final StringProperty mmrPercent = new SimpleStringProperty(this, "mmr", "");
    private final StringProperty maintenanceAmount = new SimpleStringProperty(this, "maintenanceAmount", "");
    Map<String, Object> extra = new LinkedHashMap<>();

    TierRow(EditListener listener) {
        EditListener.watch(listener, floor, cap, maxLeverage, mmrPercent, maintenanceAmount);
    }

    public StringProperty floorProperty() {
        return floor;
    }

    public StringProperty capProperty() {
        return cap;
    }

    public StringProperty maxLeverageProperty() {
        return maxLeverage;
    }

    /** MMR in percent. */
    public StringProperty mmrPercentProperty() {
        return mmrPercent;
    }

    public StringProperty maintenanceAmountProperty() {
        return maintenanceAmount;
    }

    /** The text property of a document field name (floor, cap, maxLeverage, mmr, maintenanceAmount). */
    public StringProperty field(String name) {
        return switch (name) {
            case "floor" -> floor;
            case "cap" -> cap;
            case "maxLeverage" -> maxLeverage;
            case "mmr" -> mmrPercent;
            case "maintenanceAmount" -> maintenanceAmount;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
