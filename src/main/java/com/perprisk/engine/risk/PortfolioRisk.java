package com.perprisk.engine.risk;

import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's whole answer for a portfolio.
 *
 * @param account             cross-pool account figures
 * @param positions           one entry per position, in the portfolio's order
 * @param markets             one entry per market, in the portfolio's order
 * @param accountExplanations working for the account's headline numbers (marginRatio, maintenanceMargin, availableBalance)
 * @param warnings            things the user should see that do not stop the calculation
 */
public record PortfolioRisk(AccountRisk account, List<PositionRisk> positions, List<MarketRisk> markets,
                            Map<ExplainKey, Explanation> accountExplanations, List<String> warnings) {

    public PortfolioRisk {
        positions = List.copyOf(positions);
        markets = List.copyOf(markets);
        accountExplanations = Workings.copyOf(accountExplanations);
        warnings = List.copyOf(warnings);
    }

    public Optional<PositionRisk> position(String id) {
        return positions.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
