package com.perprisk.ui.workspace;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.PositionRisk;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One position as the user edits it, with the engine's results for it ({@link #riskProperty()}, null while the
 * workspace has errors). Number fields hold the text as typed.
 */
public final class PositionRow {
    private final StringProperty id = new SimpleStringProperty(this, "id", "");
    private final StringProperty symbol = new SimpleStringProperty(this, "symbol", "");
    private final ObjectProperty<Side> side = new SimpleObjectProperty<>(this, "side", Side.LONG);
    private final StringProperty size = new SimpleStringProperty(this, "size", "");
    private final StringProperty entryPrice = new SimpleStringProperty(this, "entryPrice", "");
    private final StringProperty leverage = new SimpleStringProperty(this, "leverage", "");
    private final ObjectProperty<MarginMode> marginMode = new SimpleObjectProperty<>(this, "marginMode",
            MarginMode.CROSS);
    private final StringProperty isolatedMargin = new SimpleStringProperty(this, "isolatedMargin", "");
    private final StringProperty extraMargin = new SimpleStringProperty(this, "extraMargin", "");
    private final ReadOnlyObjectWrapper<PositionRisk> risk = new ReadOnlyObjectWrapper<>(this, "risk");
    private String notComputed = "";
    Map<String, Object> extra = new LinkedHashMap<>();

    PositionRow(EditListener listener) {
        EditListener.watch(listener, id, symbol, side, size, entryPrice, leverage, marginMode, isolatedMargin,
                extraMargin);
    }

    public String getId() {
        return id.get();
    }

    public StringProperty idProperty() {
        return id;
    }

    public StringProperty symbolProperty() {
        return symbol;
    }

    public ObjectProperty<Side> sideProperty() {
        return side;
    }

    public StringProperty sizeProperty() {
        return size;
    }

    public StringProperty entryPriceProperty() {
        return entryPrice;
    }

    public StringProperty leverageProperty() {
        return leverage;
    }

    public ObjectProperty<MarginMode> marginModeProperty() {
        return marginMode;
    }

    /** Margin posted to an isolated position; blank: entry notional / leverage. */
    public StringProperty isolatedMarginProperty() {
        return isolatedMargin;
    }

    /** Margin added after opening (negative: removed); blank: none. */
    public StringProperty extraMarginProperty() {
        return extraMargin;
    }

    public ReadOnlyObjectProperty<PositionRisk> riskProperty() {
        return risk.getReadOnlyProperty();
    }

    public PositionRisk getRisk() {
        return risk.get();
    }

    void setRisk(PositionRisk r) {
        risk.set(r);
    }

    /** Why this row has no results (an input it depends on is invalid), or empty. Set before {@link #riskProperty}. */
    public String notComputedReason() {
        return notComputed;
    }

    void setNotComputedReason(String why) {
        notComputed = why == null ? "" : why;
    }

    /** The text property of a numeric document field (size, entryPrice, leverage, isolatedMargin, extraMargin). */
    public StringProperty numberField(String name) {
        return switch (name) {
            case "size" -> size;
            case "entryPrice" -> entryPrice;
            case "leverage" -> leverage;
            case "isolatedMargin" -> isolatedMargin;
            case "extraMargin" -> extraMargin;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
