package com.perprisk.ui.common;

import com.perprisk.engine.Portfolio;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.Quantity;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What every feature panel of the main window shares: the portfolio the engine last computed (with the scenario
 * applied), its results, the selection, and the scenario move. The workspace view model writes {@link #portfolio}
 * and {@link #risk} on the FX thread after every valid edit; panels (charts, tiles, explain, scenario) only read
 * them and write the selection and scenario. No Node lives here.
 */
public final class RiskContext {
    /** Portfolio as computed: entered inputs with the scenario move applied to every mark. Null while invalid. */
    private final ObjectProperty<Portfolio> portfolio = new SimpleObjectProperty<>(this, "portfolio");
    /** Portfolio as entered, before the scenario move. Null while invalid. */
    private final ObjectProperty<Portfolio> enteredPortfolio = new SimpleObjectProperty<>(this, "enteredPortfolio");
    /** Engine results for {@link #portfolio}, with explanations. Null while the inputs are invalid. */
    private final ObjectProperty<PortfolioRisk> risk = new SimpleObjectProperty<>(this, "risk");
    /** Why there are no results (first input problem), or empty. */
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    /** Id of the selected position, or null. */
    private final StringProperty selectedPositionId = new SimpleStringProperty(this, "selectedPositionId");
    /** The selected result (the explain panel shows its working). */
    private final ObjectProperty<Quantity> selectedQuantity = new SimpleObjectProperty<>(this, "selectedQuantity",
            Quantity.LIQUIDATION_PRICE);
    /** ADL standing of each position by id, ranked against {@link #adlPopulation}; empty without results. */
    private final ObjectProperty<java.util.Map<String, com.perprisk.engine.adl.AdlQueue.Standing>> adlStandings =
            new SimpleObjectProperty<>(this, "adlStandings", java.util.Map.of());
    /** Who the ADL standings are ranked against, in words ("200 assumed counterparties per side, seed 1"). */
    private final StringProperty adlPopulation = new SimpleStringProperty(this, "adlPopulation", "");
    /**
     * Figures that cannot be shown because an input they depend on is invalid, with the reason (keys of
     * {@code PartialInputs}: "account", "initialMargin", "fundingOverHorizon"); empty when every input is valid.
     */
    private final ObjectProperty<java.util.Map<String, String>> unavailable = new SimpleObjectProperty<>(this,
            "unavailable", java.util.Map.of());
    /** During a playback: what happened to positions no longer shown, by id ("liquidated at 54,271.36, t = 7 h"). */
    private final ObjectProperty<java.util.Map<String, String>> playbackNotes = new SimpleObjectProperty<>(this,
            "playbackNotes", java.util.Map.of());
    /**
     * During a playback: the simulated time shown, in hours from the start of the path; null while the entered
     * inputs are shown. Written by the playback, cleared by the recalculation when the playback is dropped.
     */
    private final ObjectProperty<Double> playbackTime = new SimpleObjectProperty<>(this, "playbackTime");
    /** Scenario: fractional move applied to every market's mark price (0.05 = all marks +5%). 0 = as entered. */
    private final DoubleProperty scenarioMove = new SimpleDoubleProperty(this, "scenarioMove", 0);
    /** Liquidation prices the venues report for imported positions, by position id (live import). */
    private final javafx.collections.ObservableMap<String, Double> venueLiquidationPrices =
            javafx.collections.FXCollections.observableHashMap();

    public ObjectProperty<Portfolio> portfolioProperty() {
        return portfolio;
    }

    public ObjectProperty<Portfolio> enteredPortfolioProperty() {
        return enteredPortfolio;
    }

    public ObjectProperty<PortfolioRisk> riskProperty() {
        return risk;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public StringProperty selectedPositionIdProperty() {
        return selectedPositionId;
    }

    public ObjectProperty<Quantity> selectedQuantityProperty() {
        return selectedQuantity;
    }

    public ObjectProperty<java.util.Map<String, com.perprisk.engine.adl.AdlQueue.Standing>> adlStandingsProperty() {
        return adlStandings;
    }

    public StringProperty adlPopulationProperty() {
        return adlPopulation;
    }

    public ObjectProperty<java.util.Map<String, String>> unavailableProperty() {
        return unavailable;
    }

    public ObjectProperty<java.util.Map<String, String>> playbackNotesProperty() {
        return playbackNotes;
    }

    public ObjectProperty<Double> playbackTimeProperty() {
        return playbackTime;
    }

    public DoubleProperty scenarioMoveProperty() {
        return scenarioMove;
    }

    public javafx.collections.ObservableMap<String, Double> venueLiquidationPrices() {
        return venueLiquidationPrices;
    }

    public Portfolio getPortfolio() {
        return portfolio.get();
    }

    public PortfolioRisk getRisk() {
        return risk.get();
    }
}
