package com.perprisk.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the engine computes from: the account, its markets and its positions, and the horizon for funding
 * projections. Immutable; the UI builds a new one on every edit.
 */
public record Portfolio(Account account, List<Market> markets, List<Position> positions, double horizonHours) {

    public static final double DEFAULT_HORIZON_HOURS = RiskPolicy.DEFAULT_HORIZON_HOURS;

    public Portfolio {
        markets = List.copyOf(markets);
        positions = List.copyOf(positions);
    }

    public Optional<Market> market(String symbol) {
        for (Market m : markets) {
            if (m.symbol().equals(symbol)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    public Market requireMarket(String symbol) {
        return market(symbol).orElseThrow(() -> new EngineException("unknown symbol " + symbol));
    }

    public Map<String, Market> marketsBySymbol() {
        Map<String, Market> map = new LinkedHashMap<>(markets.size() * 4 / 3 + 1);
        for (Market m : markets) {
            map.put(m.symbol(), m);
        }
        return map;
    }

    public Portfolio withMarkets(List<Market> newMarkets) {
        return new Portfolio(account, newMarkets, positions, horizonHours);
    }

    public Portfolio withPositions(List<Position> newPositions) {
        return new Portfolio(account, markets, newPositions, horizonHours);
    }

    public Portfolio withAccount(Account newAccount) {
        return new Portfolio(newAccount, markets, positions, horizonHours);
    }

    /** The same portfolio with one market's mark price replaced (a scenario). */
    public Portfolio withMarkPrice(String symbol, double mark) {
        return withMarkets(markets.stream().map(m -> m.symbol().equals(symbol) ? m.withMarkPrice(mark) : m).toList());
    }
}
