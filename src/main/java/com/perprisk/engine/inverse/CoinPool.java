package com.perprisk.engine.inverse;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The collateral behind an inverse position, in its settle coin, as a function of its market's mark price P: the
 * linear {@link MarginPool} of the same legs in x = 1 / P ({@link Reciprocal}) read back at x = 1 / P, plus, where
 * the convention holds it in the position margin (Bybit inverse), the fee to close at the bankruptcy price as a
 * constant part of the requirement.
 *
 * <pre>
 * marginBalance(P) = wallet or isolated margin + UPNL of others + Σ side × C × cs × (1/EP − 1/P)     (coin)
 * requirement(P)   = TMM of others + Σ MM(N(P)) [+ close fee × N(P)] [+ fee × N(bankruptcy price)]  (coin)
 * </pre>
 *
 * Isolated: one leg and its margin. Cross: every cross inverse position settled in the same coin shares the coin's
 * wallet ({@code account.coinWallets}); other markets of that coin are frozen at their marks; pools of other coins
 * and the linear quote pool are separate.
 */
public final class CoinPool implements PositionPool {
    private final String asset;
    private final MarginPool reciprocal;
    private final double feeAtBankruptcy;
    private final Map<String, Double> contractSizes;
    private final Map<String, Position> positions;

    private CoinPool(String asset, MarginPool reciprocal, Map<String, Double> contractSizes,
                     Map<String, Position> positions) {
        this.asset = asset;
        this.reciprocal = reciprocal;
        this.contractSizes = Map.copyOf(contractSizes);
        this.positions = Map.copyOf(positions);
        this.feeAtBankruptcy = feeAtBankruptcy(reciprocal);
    }

    /** The pool an inverse position belongs to. */
    public static CoinPool of(Portfolio portfolio, String positionId) {
        Position target = portfolio.positions().stream().filter(p -> p.id().equals(positionId)).findFirst()
                .orElseThrow(() -> new EngineException("unknown position " + positionId));
        Market market = portfolio.requireMarket(target.symbol());
        if (!market.isInverse()) {
            throw new EngineException(positionId + " is a linear position: its pool is a MarginPool");
        }
        String asset = market.contract().settleAsset();
        if (target.isIsolated()) {
            return isolated(target, market);
        }
        return crossPools(portfolio, asset).get(target.symbol());
    }

    /** An isolated inverse position's own pool: its coin margin against its own requirement. */
    public static CoinPool isolated(Position position, Market market) {
        return new CoinPool(market.contract().settleAsset(),
                MarginPool.isolated(Reciprocal.position(position, market), Reciprocal.market(market)),
                Map.of(market.symbol(), market.contract().contractSize()), Map.of(position.id(), position));
    }

    /** The cross pool of one settle coin, seen from each of its markets that has cross positions. */
    public static Map<String, CoinPool> crossPools(Portfolio portfolio, String asset) {
        Map<String, Double> sizes = contractSizes(portfolio, asset);
        Map<String, Position> byId = new LinkedHashMap<>();
        for (Position p : portfolio.positions()) {
            if (sizes.containsKey(p.symbol())) {
                byId.put(p.id(), p);
            }
        }
        Map<String, CoinPool> out = new LinkedHashMap<>();
        for (var e : MarginPool.crossPools(Reciprocal.portfolio(portfolio, asset)).entrySet()) {
            out.put(e.getKey(), new CoinPool(asset, e.getValue(), sizes, byId));
        }
        return out;
    }

    /**
     * The pool of a linear MarginPool already built in x (e.g. a comparison switching one factor of the rules), with
     * the contract size of each of its symbols.
     */
    public static CoinPool ofReciprocal(String asset, MarginPool reciprocal, Map<String, Double> contractSizes) {
        return new CoinPool(asset, reciprocal, contractSizes, Map.of());
    }

    /**
     * A leg's position as the trader entered it (contracts, entry price in quote, side), or null for a pool built
     * from x alone ({@link #ofReciprocal}).
     */
    public Position position(String id) {
        return positions.get(id);
    }

    /** Contract size of each inverse market settled in the asset. */
    public static Map<String, Double> contractSizes(Portfolio portfolio, String asset) {
        Map<String, Double> sizes = new LinkedHashMap<>();
        for (Market m : portfolio.markets()) {
            if (m.isInverse() && asset.equals(m.contract().settleAsset())) {
                sizes.put(m.symbol(), m.contract().contractSize());
            }
        }
        return sizes;
    }

    /** The contract size (quote value of one contract) of a market of this pool. */
    public double contractSize(String symbol) {
        Double cs = contractSizes.get(symbol);
        if (cs == null) {
            throw new EngineException("no contract size for " + symbol + " in the " + asset + " pool");
        }
        return cs;
    }

    /** The same legs as a linear pool in x = 1 / P: what the exact solver works on. */
    public MarginPool reciprocal() {
        return reciprocal;
    }

    /** The settle coin every amount of this pool is in. */
    @Override
    public String asset() {
        return asset;
    }

    public String symbol() {
        return reciprocal.symbol();
    }

    public boolean isolated() {
        return reciprocal.isolated();
    }

    /** The legs, as they are in x (size C × cs, opposite side, entry 1 / EP). */
    public List<Leg> reciprocalLegs() {
        return reciprocal.legs();
    }

    /** The mark price P of the pool's market. */
    @Override
    public double markPrice() {
        return Reciprocal.flip(reciprocal.markPrice());
    }

    /** Coin wallet of the pool (cross), or the isolated position's coin margin. */
    public double walletOrMargin() {
        return reciprocal.walletOrMargin();
    }

    /** UPNL of the formula in coin: cross inverse positions of the same coin in other markets, at their marks. */
    public double otherUnrealizedPnl() {
        return reciprocal.otherUnrealizedPnl();
    }

    /** TMM of the formula in coin: their maintenance requirement. */
    public double otherRequirement() {
        return reciprocal.otherRequirement();
    }

    /**
     * The fee to close at the bankruptcy price (with that fee), Σ fee × C × cs / BP, held in the position margin
     * where the convention says so (Bybit inverse), else 0: a constant part of the maintenance requirement.
     */
    public double closeFeeAtBankruptcy() {
        return feeAtBankruptcy;
    }

    /** Margin balance in coin at mark price P. */
    @Override
    public double marginBalance(double price) {
        return reciprocal.marginBalance(Reciprocal.flip(price));
    }

    /** Maintenance requirement in coin at mark price P. */
    @Override
    public double requirement(double price) {
        return requirement(price, Requirement.MAINTENANCE);
    }

    @Override
    public double requirement(double price, Requirement kind) {
        double r = reciprocal.requirement(Reciprocal.flip(price), kind);
        return kind == Requirement.MAINTENANCE ? r + feeAtBankruptcy : r;
    }

    /** Margin ratio at P: requirement / margin balance (coin over coin); 1 at the liquidation price. */
    @Override
    public Double marginRatio(double price) {
        return MarginPool.ratio(requirement(price), marginBalance(price));
    }

    /** The price where the coin balance meets the requirement of a kind ({@link InverseSolver}). */
    @Override
    public com.perprisk.engine.liquidation.SolvedPrice solve(Requirement kind) {
        return InverseSolver.solve(this, kind);
    }

    /** Margin balance − requirement at P: positive while safe. */
    public double surplus(double price, Requirement kind) {
        return marginBalance(price) - requirement(price, kind);
    }

    private static double feeAtBankruptcy(MarginPool pool) {
        double rateTimesSize = 0;
        for (Leg leg : pool.legs()) {
            if (leg.market().convention().closeFeeAtBankruptcy()) {
                rateTimesSize += leg.market().takerFeeRate() * leg.position().size();
            }
        }
        if (rateTimesSize == 0) {
            return 0;
        }
        double x = InverseSolver.rootInX(pool, Requirement.CLOSE_FEE, 0, pool.markPrice());
        // fee × N(BP) = fee × C × cs × x_BP; no bankruptcy price (x ≤ 0, P = ∞): nothing to pay
        return Double.isNaN(x) ? 0 : rateTimesSize * x;
    }
}
