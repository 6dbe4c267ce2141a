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
    /** Scenario: fractional move applied to every market's mark price (0.05 = all marks +5%). 0 = as entered. */
    private final DoubleProperty scenarioMove = new SimpleDoubleProperty(this, "scenarioMove", 0);

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

    public DoubleProperty scenarioMoveProperty() {
        return scenarioMove;
    }

    public Portfolio getPortfolio() {
        return portfolio.get();
    }

    public PortfolioRisk getRisk() {
        return risk.get();
    }
}
