package com.perprisk.engine.simulation;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.Side;
import com.perprisk.engine.inverse.CoinPool;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The mutable state of one simulation run, shared by its processes ({@link FundingSettlement},
 * {@link LiquidationProcess}, {@link AdlCounterparties}): the portfolio as it stands, the fund, the counterparties, the
 * pools above the margin-call level, the ledger's running sums, and where the events go.
 */
final class SimulationRun {
    static final String CROSS = "cross";

    final Simulation.Settings settings;
    Portfolio pf;
    private Map<String, Market> markets;
    private Map<String, Position> positions;
    double fund;
    Population cps;
    final Set<String> aboveCall = new HashSet<>();
    double traderLoss;
    double fees;
    double adlCollected;
    double uncovered;
    double funding;
    int step;
    double time;
    int eventCount;
    /**
     * For a settle coin's pool run in x = 1 / P ({@link SettleGroups}): the contract size of each of its markets, so
     * that a slice closes whole contracts and a fill is exact in P; null for the linear quote pool.
     */
    Map<String, Double> contractSizes;
    /** The settle coin of a coin pool's run; null for the linear quote pool. */
    String asset;
    private final Consumer<SimulationEvent> sink;

    SimulationRun(Portfolio portfolio, Simulation.Settings settings, Consumer<SimulationEvent> sink) {
        this.settings = settings;
        this.fund = settings.insuranceFund();
        this.cps = settings.counterparties();
        this.sink = sink;
        setPortfolio(portfolio);
    }

    void setPortfolio(Portfolio next) {
        if (pf == null || next.markets() != pf.markets()) {
            markets = next.marketsBySymbol();
        }
        if (pf == null || next.positions() != pf.positions()) {
            Map<String, Position> byId = new HashMap<>();
            for (Position p : next.positions()) {
                byId.put(p.id(), p);
            }
            positions = byId;
        }
        pf = next;
    }

    Market market(String symbol) {
        return markets.get(symbol);
    }

    Position position(String id) {
        return positions.get(id);
    }

    boolean stillHeld(String id) {
        return positions.containsKey(id);
    }

    List<Position> crossPositions() {
        return pf.positions().stream().filter(p -> !p.isIsolated()).toList();
    }

    /** Margin balance and requirement of a pool at the current marks. */
    record Health(double balance, double requirement) {
        double surplus() {
            return balance - requirement;
        }

        /** The margin ratio, null once the balance is gone ({@link MarginPool#ratio}). */
        Double ratio() {
            return MarginPool.ratio(requirement, balance);
        }
    }

    Health health(String positionId) {
        Position p = position(positionId);
        MarginPool pool = p.isIsolated() ? MarginPool.isolated(p, market(p.symbol()))
                : MarginPool.crossPools(pf).get(p.symbol());
        double mark = pool.markPrice();
        double requirement = pool.requirement(mark, Requirement.MAINTENANCE);
        if (asset != null) {
            // Bybit inverse holds the fee to close at the bankruptcy price in the position margin
            requirement += CoinPool.ofReciprocal(asset, pool, contractSizes).closeFeeAtBankruptcy();
        }
        return new Health(pool.marginBalance(mark), requirement);
    }

    /**
     * A close sells a long and buys a short: fill = mark × (1 − side × slippage). In x = 1 / P the side is the
     * opposite one and the fill is the reciprocal of that price: x / (1 + side × slippage).
     */
    double fill(Side side, double mark) {
        if (contractSizes != null) {
            return mark / (1 + side.sign() * settings.slippage());
        }
        return mark * (1 - side.sign() * settings.slippage());
    }

    /** A slice of a coin pool's position in x (a face value) rounded up to whole contracts, at most the size. */
    double wholeContracts(String symbol, double quantity, double size) {
        Double cs = contractSizes == null ? null : contractSizes.get(symbol);
        if (cs == null) {
            return quantity;
        }
        return Math.min(size, Math.ceil(quantity / cs - 1e-9) * cs);
    }

    void addToWallet(double amount) {
        setWallet(pf.account().walletBalance() + amount);
    }

    void setWallet(double wallet) {
        setPortfolio(pf.withAccount(pf.account().withWalletBalance(wallet)));
    }

    void replace(Position p) {
        setPortfolio(pf.withPositions(pf.positions().stream().map(q -> q.id().equals(p.id()) ? p : q).toList()));
    }

    void remove(List<String> ids) {
        Set<String> gone = new HashSet<>(ids);
        setPortfolio(pf.withPositions(pf.positions().stream().filter(q -> !gone.contains(q.id())).toList()));
        for (String id : ids) {
            aboveCall.remove(id);
        }
        if (pf.positions().stream().noneMatch(q -> !q.isIsolated())) {
            aboveCall.remove(CROSS);
        }
    }

    void emit(SimulationEvent e) {
        eventCount++;
        sink.accept(e);
    }

    Ledger ledger() {
        return new Ledger(traderLoss, fund - settings.insuranceFund(), fees, adlCollected, uncovered, funding);
    }

    /** The position with its isolated margin balance set to {@code margin} (posted margin adjusted, extra kept). */
    static Position withMargin(Position p, double margin) {
        return p.withIsolatedMargin(margin - p.extraMargin(), p.extraMargin());
    }
}
