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
 * @param pools               every margin pool's account figures, the linear quote pool first, then one per
 *                            settlement coin of inverse contracts; empty when the workspace has no inverse contract
 *                            (the account is then the only pool)
 */
public record PortfolioRisk(AccountRisk account, List<PositionRisk> positions, List<MarketRisk> markets,
                            Map<ExplainKey, Explanation> accountExplanations, List<String> warnings,
                            List<PoolRisk> pools) {

    /** A portfolio of linear contracts: the account is the only pool. */
    public PortfolioRisk(AccountRisk account, List<PositionRisk> positions, List<MarketRisk> markets,
                         Map<ExplainKey, Explanation> accountExplanations, List<String> warnings) {
        this(account, positions, markets, accountExplanations, warnings, List.of());
    }

    public PortfolioRisk {
        pools = pools == null ? List.of() : List.copyOf(pools);
        positions = List.copyOf(positions);
        markets = List.copyOf(markets);
        accountExplanations = Workings.copyOf(accountExplanations);
        warnings = List.copyOf(warnings);
    }

    /** The pool of an asset ("USDT", "BTC"), if the portfolio has one. */
    public Optional<PoolRisk> pool(String asset) {
        return pools.stream().filter(p -> p.asset().equals(asset)).findFirst();
    }

    public Optional<PositionRisk> position(String id) {
        return positions.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
