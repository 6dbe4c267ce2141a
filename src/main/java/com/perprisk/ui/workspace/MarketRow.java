package com.perprisk.ui.workspace;

import com.perprisk.engine.ContractType;
import com.perprisk.engine.Convention;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One market as the user edits it: prices, venue convention, contract (linear or inverse), funding, optional dated
 * future and its tier table.
 * Rates (taker fee, funding) are in percent as typed.
 */
public final class MarketRow {
    private final StringProperty symbol = new SimpleStringProperty(this, "symbol", "");
    private final ObjectProperty<Convention> convention = new SimpleObjectProperty<>(this, "convention",
            Convention.BINANCE);
    private final StringProperty markPrice = new SimpleStringProperty(this, "markPrice", "");
    private final StringProperty indexPrice = new SimpleStringProperty(this, "indexPrice", "");
    private final StringProperty takerFeePercent = new SimpleStringProperty(this, "takerFeeRate", "");
    private final StringProperty fundingRatePercent = new SimpleStringProperty(this, "funding.rate", "");
    private final StringProperty fundingIntervalHours = new SimpleStringProperty(this, "funding.intervalHours", "");
    private final StringProperty futurePrice = new SimpleStringProperty(this, "future.price", "");
    private final StringProperty futureDays = new SimpleStringProperty(this, "future.daysToExpiry", "");
    private final ObservableList<TierRow> tiers = FXCollections.observableArrayList();
    /** Where the tier table came from, e.g. a preset's name or an imported file; empty when typed in. */
    private final StringProperty tierSource = new SimpleStringProperty(this, "tierSource", "");
    private final StringProperty dydxImfPercent = new SimpleStringProperty(this, "dydx.initialMarginFraction", "");
    private final StringProperty dydxMaintenancePercent = new SimpleStringProperty(this, "dydx.maintenanceFraction",
            "");
    private final StringProperty dydxOpenInterest = new SimpleStringProperty(this, "dydx.openInterestNotional", "");
    private final StringProperty dydxOiLower = new SimpleStringProperty(this, "dydx.oiLowerCap", "");
    private final StringProperty dydxOiUpper = new SimpleStringProperty(this, "dydx.oiUpperCap", "");
    /** The contract: LINEAR (base units, quote money) or INVERSE (contracts of a fixed USD value, money in a coin). */
    private final ObjectProperty<ContractType> contractType = new SimpleObjectProperty<>(this, "contract.type",
            ContractType.LINEAR);
    /** An inverse contract's value in the quote currency (100 for BTCUSD_PERP), as typed. */
    private final StringProperty contractSize = new SimpleStringProperty(this, "contract.contractSize", "");
    /** The coin an inverse contract settles in (BTC). */
    private final StringProperty settleAsset = new SimpleStringProperty(this, "contract.settleAsset", "");
    Map<String, Object> contractExtra = new LinkedHashMap<>();
    Map<String, Object> dydxExtra = new LinkedHashMap<>();
    Map<String, Object> extra = new LinkedHashMap<>();
    Map<String, Object> fundingExtra = new LinkedHashMap<>();
    Map<String, Object> futureExtra = new LinkedHashMap<>();

    MarketRow(EditListener listener) {
        EditListener.watch(listener, symbol, convention, markPrice, indexPrice, takerFeePercent, fundingRatePercent,
                fundingIntervalHours, futurePrice, futureDays, tiers, dydxImfPercent, dydxMaintenancePercent,
                dydxOpenInterest, dydxOiLower, dydxOiUpper, contractType, contractSize, settleAsset);
    }

    public ObjectProperty<ContractType> contractTypeProperty() {
        return contractType;
    }

    public StringProperty contractSizeProperty() {
        return contractSize;
    }

    public StringProperty settleAssetProperty() {
        return settleAsset;
    }

    /** Whether the market is coin-margined (inverse). */
    public boolean isInverse() {
        return contractType.get() == ContractType.INVERSE;
    }

    public StringProperty symbolProperty() {
        return symbol;
    }

    public ObjectProperty<Convention> conventionProperty() {
        return convention;
    }

    public StringProperty markPriceProperty() {
        return markPrice;
    }

    public StringProperty indexPriceProperty() {
        return indexPrice;
    }

    /** Taker fee in percent. */
    public StringProperty takerFeePercentProperty() {
        return takerFeePercent;
    }

    /** Funding rate per settlement, in percent. */
    public StringProperty fundingRatePercentProperty() {
        return fundingRatePercent;
    }

    public StringProperty fundingIntervalHoursProperty() {
        return fundingIntervalHours;
    }

    public StringProperty futurePriceProperty() {
        return futurePrice;
    }

    public StringProperty futureDaysProperty() {
        return futureDays;
    }

    public ObservableList<TierRow> tiers() {
        return tiers;
    }

    public StringProperty tierSourceProperty() {
        return tierSource;
    }

    /** dYdX initial margin fraction, in percent. */
    public StringProperty dydxImfPercentProperty() {
        return dydxImfPercent;
    }

    /** dYdX maintenance fraction (share of the IMF), in percent. */
    public StringProperty dydxMaintenancePercentProperty() {
        return dydxMaintenancePercent;
    }

    public StringProperty dydxOpenInterestProperty() {
        return dydxOpenInterest;
    }

    public StringProperty dydxOiLowerProperty() {
        return dydxOiLower;
    }

    public StringProperty dydxOiUpperProperty() {
        return dydxOiUpper;
    }

    /** Whether the market has dYdX liquidity-tier parameters. */
    public boolean hasDydx() {
        return !dydxExtra.isEmpty() || !(dydxImfPercent.get().isBlank() && dydxMaintenancePercent.get().isBlank()
                && dydxOpenInterest.get().isBlank() && dydxOiLower.get().isBlank() && dydxOiUpper.get().isBlank());
    }

    /** The text property of a document field path below the market (markPrice, funding.rate, future.price, ...). */
    public StringProperty numberField(String name) {
        return switch (name) {
            case "markPrice" -> markPrice;
            case "indexPrice" -> indexPrice;
            case "takerFeeRate" -> takerFeePercent;
            case "funding.rate" -> fundingRatePercent;
            case "funding.intervalHours" -> fundingIntervalHours;
            case "future.price" -> futurePrice;
            case "future.daysToExpiry" -> futureDays;
            case "dydx.initialMarginFraction" -> dydxImfPercent;
            case "dydx.maintenanceFraction" -> dydxMaintenancePercent;
            case "dydx.openInterestNotional" -> dydxOpenInterest;
            case "dydx.oiLowerCap" -> dydxOiLower;
            case "dydx.oiUpperCap" -> dydxOiUpper;
            case "contract.contractSize" -> contractSize;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
