package com.perprisk.engine.simulation;

import com.perprisk.engine.Account;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.inverse.Reciprocal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A simulation of a portfolio with inverse contracts. Pools of different assets share nothing but the prices, so each
 * runs on its own, in step with the others: the linear quote pool as it always has, and each settle coin's pool as the
 * linear portfolio it is in x = 1 / P ({@link Reciprocal}): marks and index 1 / P, the funding rate negated (the leg
 * in x has the opposite side, so −side' × Q' × x × (−F) = −side × N(P) × F), slices in whole contracts. Every run has
 * its own insurance fund and ledger in its own asset; events are read back into prices and contracts
 * ({@link ReciprocalEvents}) and every tick shows the whole portfolio.
 */
final class SettleGroups {
    /** One pool group: the linear quote pool (asset null) or one settle coin's pool in x. */
    private record Group(String asset, SimulationRun run, PricePath path, Map<String, Market> start) {
    }

    private final Portfolio original;
    private final Map<String, Market> markets;
    private final List<Group> groups = new ArrayList<>();
    private int events;

    private SettleGroups(Portfolio portfolio, PricePath path, Simulation.Settings settings,
                         Consumer<SimulationEvent> onEvent) {
        this.original = portfolio;
        this.markets = portfolio.marketsBySymbol();
        Consumer<SimulationEvent> counted = e -> {
            events++;
            onEvent.accept(e);
        };
        Portfolio linear = Reciprocal.linearPart(portfolio);
        List<Position> linearCps = new ArrayList<>();
        for (Position c : settings.counterparties().positions()) {
            Market m = markets.get(c.symbol());
            if (m == null || !m.isInverse()) {
                linearCps.add(c);
            }
        }
        SimulationRun lin = new SimulationRun(linear, settings.withCounterparties(new Population(linearCps)),
                counted);
        groups.add(new Group(null, lin, path, linear.marketsBySymbol()));
        for (String asset : Reciprocal.settleAssets(portfolio)) {
            Portfolio x = inX(Reciprocal.portfolio(portfolio, asset));
            List<Position> cps = new ArrayList<>();
            for (Position c : settings.counterparties().positions()) {
                Market m = markets.get(c.symbol());
                if (m != null && m.isInverse() && asset.equals(m.contract().settleAsset())) {
                    cps.add(Reciprocal.position(c, m));
                }
            }
            Simulation.Settings s = settings.withInsuranceFund(settings.coinFund(asset))
                    .withCounterparties(new Population(cps));
            SimulationRun run = new SimulationRun(x, s, e -> counted.accept(ReciprocalEvents.back(e, asset,
                    markets)));
            run.asset = asset;
            run.contractSizes = new HashMap<>();
            for (Market m : x.markets()) {
                run.contractSizes.put(m.symbol(), markets.get(m.symbol()).contract().contractSize());
            }
            groups.add(new Group(asset, run, pathInX(path, x), x.marketsBySymbol()));
        }
    }

    /** Runs every group along the path, in step, and reports the whole portfolio after every point. */
    static Simulation.Result stream(Portfolio portfolio, PricePath path, Simulation.Settings settings,
                                    Consumer<SimulationEvent> onEvent, Consumer<Simulation.Tick> onTick) {
        SettleGroups g = new SettleGroups(portfolio, path, settings, onEvent);
        SimulationRun linear = g.groups.get(0).run();
        for (int k = 0; k < path.points(); k++) {
            for (Group group : g.groups) {
                Simulation.advance(group.run(), group.path(), group.start(), k);
            }
            if (onTick != null) {
                onTick.accept(new Simulation.Tick(k, path.timeHours(k), g.portfolio(), linear.fund, g.events));
            }
        }
        Map<String, Simulation.CoinBook> coins = new LinkedHashMap<>();
        List<Position> cps = new ArrayList<>(linear.cps.positions());
        Map<String, Position> startCps = new HashMap<>();
        for (Position c : settings.counterparties().positions()) {
            startCps.put(c.id(), c);
        }
        for (Group group : g.groups.subList(1, g.groups.size())) {
            coins.put(group.asset(), new Simulation.CoinBook(group.run().fund, group.run().ledger()));
            for (Position c : group.run().cps.positions()) {
                cps.add(g.back(startCps.get(c.id()), c));
            }
        }
        return new Simulation.Result(List.of(), g.portfolio(), linear.fund, new Population(cps), linear.ledger(),
                g.events, coins);
    }

    /** The whole portfolio as it stands: every group's positions, marks and wallets, in prices and contracts. */
    private Portfolio portfolio() {
        Map<String, Position> held = new HashMap<>();
        Map<String, Market> marks = new HashMap<>();
        Map<String, Double> wallets = new LinkedHashMap<>(original.account().coinWallets());
        for (Group group : groups) {
            Portfolio pf = group.run().pf;
            for (Position p : pf.positions()) {
                held.put(p.id(), p);
            }
            for (Market m : pf.markets()) {
                marks.put(m.symbol(), m);
            }
            if (group.asset() != null) {
                double w = pf.account().walletBalance();
                if (wallets.containsKey(group.asset()) || w != 0) {
                    wallets.put(group.asset(), w);
                }
            }
        }
        List<Market> ms = new ArrayList<>();
        for (Market m : original.markets()) {
            Market now = marks.get(m.symbol());
            ms.add(now == null ? m : m.isInverse() ? withPrices(m, 1 / now.markPrice(), 1 / now.indexPrice())
                    : now);
        }
        List<Position> ps = new ArrayList<>();
        for (Position p : original.positions()) {
            Position now = held.get(p.id());
            if (now != null) {
                ps.add(markets.get(p.symbol()).isInverse() ? back(p, now) : now);
            }
        }
        Account a = groups.get(0).run().pf.account();
        return new Portfolio(new Account(a.walletBalance(), a.positionMode(), wallets), ms, ps,
                original.horizonHours());
    }

    /** A position of a coin pool's run read back: the original in contracts, with the run's size and margin. */
    private Position back(Position original, Position inX) {
        double cs = markets.get(original.symbol()).contract().contractSize();
        // the margin as the run holds it, in the coin (a blank posted margin is N(EP) / L, worked out in x)
        return original.withSize(inX.size() / cs).withIsolatedMargin(inX.isolatedMarginBalance() - inX.extraMargin(),
                inX.extraMargin());
    }

    private static Market withPrices(Market m, double mark, double index) {
        return new Market(m.symbol(), m.convention(), mark, index, m.takerFeeRate(), m.tiers(), m.dydx(), m.funding(),
                m.future(), m.contract());
    }

    /** A coin pool's portfolio in x with each market's funding rate negated (see the class comment). */
    private static Portfolio inX(Portfolio x) {
        List<Market> ms = new ArrayList<>();
        for (Market m : x.markets()) {
            FundingTerms f = m.funding();
            ms.add(new Market(m.symbol(), m.convention(), m.markPrice(), m.indexPrice(), m.takerFeeRate(), m.tiers(),
                    m.dydx(), new FundingTerms(-f.rate() + 0.0, f.intervalHours()), m.future(), m.contract()));
        }
        return x.withMarkets(ms);
    }

    /** The path of a coin pool's markets in x: marks and index 1 / P, funding rates negated (NaN stays NaN). */
    private static PricePath pathInX(PricePath path, Portfolio x) {
        List<String> symbols = new ArrayList<>();
        for (Market m : x.markets()) {
            if (path.has(m.symbol())) {
                symbols.add(m.symbol());
            }
        }
        int n = path.points();
        double[] times = new double[n];
        double[][] marks = new double[symbols.size()][n];
        double[][] index = new double[symbols.size()][n];
        double[][] funding = new double[symbols.size()][n];
        for (int k = 0; k < n; k++) {
            times[k] = path.timeHours(k);
            for (int i = 0; i < symbols.size(); i++) {
                String s = symbols.get(i);
                marks[i][k] = 1 / path.mark(s, k);
                index[i][k] = 1 / path.index(s, k);
                funding[i][k] = -path.fundingRate(s, k) + 0.0;
            }
        }
        return PricePath.of(symbols, times, marks, index, funding);
    }
}
