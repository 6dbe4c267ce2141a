package com.perprisk.engine.simulation;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.RiskPolicy;
import com.perprisk.engine.inverse.Reciprocal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static com.perprisk.engine.EngineInputs.nonNegative;

/**
 * Steps a portfolio along a price path, as a venue would. At each point the marks move, funding settles
 * ({@link FundingSettlement}), and every pool is checked by the venue's liquidation engine
 * ({@link LiquidationProcess}: margin calls, the convention's partial steps, full liquidation through the
 * convention's waterfall, {@link AdlCounterparties} for what the fund cannot pay).
 *
 * The result carries the events, the final portfolio (liquidated positions removed or shrunk), the fund and the
 * counterparties after the run, and a {@link Ledger} in which money is conserved. Events can also be streamed to a
 * listener as they happen, so that memory does not grow with them.
 */
public final class Simulation {
    /** Largest path a run accepts: markets × points (each point of each market is one mark held in memory). */
    public static final long MAX_PATH_VALUES = 20_000_000L;

    private Simulation() {
    }

    /**
     * How the venue and its insurance fund behave.
     *
     * @param insuranceFund      insurance fund balance at the start
     * @param counterparties     positions of other traders, for ADL
     * @param slippage           fill = mark × (1 − side × slippage) for a close (0 = at the mark)
     * @param liquidationFeeRate fee on the closed notional, taken from the surplus (full) or the margin (slices)
     * @param marginCallRatio    margin ratio above which a margin call is raised
     *                           ({@link RiskPolicy#MARGIN_WARNING_RATIO})
     * @param coinFunds          insurance fund of each settle coin's pool at the start, in the coin (none: 0); the
     *                           {@code insuranceFund} is the linear quote pool's
     */
    public record Settings(double insuranceFund, Population counterparties, double slippage,
                           double liquidationFeeRate, double marginCallRatio, Map<String, Double> coinFunds) {
        public Settings {
            nonNegative("insurance fund", insuranceFund);
            nonNegative("slippage", slippage);
            nonNegative("liquidation fee rate", liquidationFeeRate);
            nonNegative("margin-call ratio", marginCallRatio);
            if (slippage >= 1 || liquidationFeeRate >= 1) {
                throw new EngineException("slippage and liquidation fee must be below 100%");
            }
            if (counterparties == null) {
                counterparties = Population.NONE;
            }
            coinFunds = coinFunds == null ? Map.of() : Map.copyOf(coinFunds);
            for (var e : coinFunds.entrySet()) {
                nonNegative(e.getKey() + " insurance fund", e.getValue());
            }
        }

        /** Only the linear quote pool's insurance fund; coin pools start with none. */
        public Settings(double insuranceFund, Population counterparties, double slippage, double liquidationFeeRate,
                        double marginCallRatio) {
            this(insuranceFund, counterparties, slippage, liquidationFeeRate, marginCallRatio, Map.of());
        }

        /** The policy's margin-call level with the given fund, counterparties, slippage and fee. */
        public Settings(double insuranceFund, Population counterparties, double slippage, double liquidationFeeRate) {
            this(insuranceFund, counterparties, slippage, liquidationFeeRate, RiskPolicy.MARGIN_WARNING_RATIO);
        }

        public static Settings defaults() {
            return new Settings(0, Population.NONE, 0, 0);
        }

        public Settings withInsuranceFund(double fund) {
            return new Settings(fund, counterparties, slippage, liquidationFeeRate, marginCallRatio, coinFunds);
        }

        public Settings withCounterparties(Population p) {
            return new Settings(insuranceFund, p, slippage, liquidationFeeRate, marginCallRatio, coinFunds);
        }

        public Settings withSlippage(double s) {
            return new Settings(insuranceFund, counterparties, s, liquidationFeeRate, marginCallRatio, coinFunds);
        }

        public Settings withLiquidationFeeRate(double r) {
            return new Settings(insuranceFund, counterparties, slippage, r, marginCallRatio, coinFunds);
        }

        public Settings withCoinFunds(Map<String, Double> funds) {
            return new Settings(insuranceFund, counterparties, slippage, liquidationFeeRate, marginCallRatio, funds);
        }

        /** The insurance fund a settle coin's pool starts with (0 when none is given). */
        public double coinFund(String asset) {
            return coinFunds.getOrDefault(asset, 0.0);
        }
    }

    /**
     * @param events         in order of time (empty when they were streamed to a listener instead)
     * @param finalPortfolio the portfolio at the last point
     * @param insuranceFund  fund balance at the end
     * @param counterparties counterparties at the end (ADL shrinks them)
     * @param ledger         money flows of the liquidations
     * @param eventCount     number of events of the run
     * @param coins          each settle coin's pool: its insurance fund at the end and its ledger, in the coin (the
     *                       fund and ledger above are the linear quote pool's); empty without inverse contracts
     */
    public record Result(List<SimulationEvent> events, Portfolio finalPortfolio, double insuranceFund,
                         Population counterparties, Ledger ledger, int eventCount, Map<String, CoinBook> coins) {
        public Result {
            events = List.copyOf(events);
            coins = coins == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(
                    coins));
        }

        /** A run of linear contracts only. */
        public Result(List<SimulationEvent> events, Portfolio finalPortfolio, double insuranceFund,
                      Population counterparties, Ledger ledger, int eventCount) {
            this(events, finalPortfolio, insuranceFund, counterparties, ledger, eventCount, Map.of());
        }
    }

    /**
     * A settle coin's pool after a run, in the coin.
     *
     * @param insuranceFund the coin's insurance fund at the end
     * @param ledger        the money flows of its liquidations (conserved like the quote pool's)
     */
    public record CoinBook(double insuranceFund, Ledger ledger) {
    }

    /**
     * The state after one point of the path (marks moved, funding settled, pools checked): what a playback shows at
     * that tick.
     *
     * @param step          index of the point
     * @param timeHours     hours since the start
     * @param portfolio     the portfolio after the point (liquidated positions removed or shrunk)
     * @param insuranceFund the fund after the point
     * @param events        events so far (all points up to and including this one)
     */
    public record Tick(int step, double timeHours, Portfolio portfolio, double insuranceFund, int events) {
    }

    /** Runs the path, keeping every event in the result. */
    public static Result run(Portfolio portfolio, PricePath path, Settings settings) {
        return run(portfolio, path, settings, null);
    }

    /** As {@link #run(Portfolio, PricePath, Settings)}, reporting the state after every point to {@code onTick}. */
    public static Result run(Portfolio portfolio, PricePath path, Settings settings, Consumer<Tick> onTick) {
        List<SimulationEvent> events = new ArrayList<>();
        Result r = stream(portfolio, path, settings, events::add, onTick);
        return new Result(events, r.finalPortfolio(), r.insuranceFund(), r.counterparties(), r.ledger(),
                r.eventCount(), r.coins());
    }

    /**
     * Runs the path, handing each event to {@code onEvent} as it happens and keeping none (the result's event list
     * is empty): memory does not grow with the events.
     */
    public static Result stream(Portfolio portfolio, PricePath path, Settings settings,
                                Consumer<SimulationEvent> onEvent, Consumer<Tick> onTick) {
        for (String s : path.symbols()) {
            if (portfolio.market(s).isEmpty()) {
                throw new EngineException("the price path has market " + s + " but the workspace does not");
            }
        }
        if (Reciprocal.hasInverse(portfolio)) {
            return SettleGroups.stream(portfolio, path, settings, onEvent, onTick);
        }
        SimulationRun run = new SimulationRun(portfolio, settings, onEvent);
        Map<String, Market> start = portfolio.marketsBySymbol();
        for (int k = 0; k < path.points(); k++) {
            advance(run, path, start, k);
            if (onTick != null) {
                onTick.accept(new Tick(k, run.time, run.pf, run.fund, run.eventCount));
            }
        }
        return new Result(List.of(), run.pf, run.fund, run.cps, run.ledger(), run.eventCount);
    }

    /** One point of the path for one run: the marks move, funding settles, every pool is checked. */
    static void advance(SimulationRun run, PricePath path, Map<String, Market> start, int k) {
        run.step = k;
        run.time = path.timeHours(k);
        moveMarks(run, path, start, k);
        if (k > 0) {
            FundingSettlement.settle(run, path, k);
        }
        LiquidationProcess.checkPools(run);
    }

    /**
     * Refuses at once a path too large to hold: markets × points above {@link #MAX_PATH_VALUES}.
     *
     * @throws EngineException with one line naming the size and the limit
     */
    public static void checkPathSize(int markets, long points) {
        if ((long) markets * points > MAX_PATH_VALUES) {
            throw new EngineException(String.format(java.util.Locale.ROOT, "a path of %,d markets × %,d points is"
                    + " too large to simulate (at most %,d market-points; use fewer steps or markets)", markets,
                    points, MAX_PATH_VALUES));
        }
    }

    private static void moveMarks(SimulationRun run, PricePath path, Map<String, Market> start, int k) {
        List<Market> markets = new ArrayList<>();
        for (Market m : run.pf.markets()) {
            if (path.has(m.symbol())) {
                double mark = path.mark(m.symbol(), k);
                double index = path.index(m.symbol(), k);
                Market m0 = start.get(m.symbol());
                if (Double.isNaN(index)) {
                    // no index on the path: it moves with the mark, index = index₀ × mark / mark₀
                    index = m0.indexPrice() * mark / m0.markPrice();
                }
                markets.add(new Market(m.symbol(), m.convention(), mark, index, m.takerFeeRate(), m.tiers(),
                        m.dydx(), m.funding(), m.future()));
            } else {
                markets.add(m);
            }
        }
        run.setPortfolio(run.pf.withMarkets(markets));
    }
}
