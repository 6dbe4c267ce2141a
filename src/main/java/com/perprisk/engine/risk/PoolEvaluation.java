package com.perprisk.engine.risk;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.adl.AdlRanking;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.inverse.CoinPool;
import com.perprisk.engine.inverse.InverseSolver;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.liquidation.SolvedPrice;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A portfolio with inverse contracts, evaluated pool by pool: the linear quote pool as before, and each settlement
 * coin's pool as the linear portfolio it is in x = 1 / P ({@link Reciprocal}), whose figures are already in the coin;
 * prices are mapped back to P and solved in price space ({@link InverseSolver}), and funding keeps the position's own
 * side. The top-level account is the linear quote pool; {@link PortfolioRisk#pools()} lists every pool.
 */
final class PoolEvaluation {
    private PoolEvaluation() {
    }

    /** What an inverse position's working needs: its pool in coin and the solved prices. */
    record CoinSolved(Position position, Market market, CoinPool pool, SolvedPrice liquidation,
                      SolvedPrice bankruptcy) {
    }

    static Evaluation evaluation(Portfolio portfolio) {
        checkCoinInputs(portfolio);
        Map<String, Market> bySymbol = portfolio.marketsBySymbol();
        Set<String> warnings = new LinkedHashSet<>();

        Map<String, Position> positionsById = new HashMap<>();
        for (Position p : portfolio.positions()) {
            positionsById.put(p.id(), p);
        }
        Portfolio linearPart = Reciprocal.linearPart(portfolio);
        Evaluation linear = RiskEngine.evaluation(linearPart);
        warnings.addAll(linear.risk().warnings());
        Map<String, Integer> linearIndex = new HashMap<>();
        for (int i = 0; i < linearPart.positions().size(); i++) {
            linearIndex.put(linearPart.positions().get(i).id(), i);
        }
        String quote = quoteAsset(portfolio);

        List<PoolRisk> pools = new ArrayList<>();
        pools.add(new PoolRisk(quote, linear.risk().account()));
        Map<String, PositionRisk> coinFigures = new HashMap<>();
        Map<String, CoinSolved> coinSolved = new HashMap<>();
        Map<String, AccountRisk> coinAccounts = new LinkedHashMap<>();
        Map<String, Double> coinRequirements = new HashMap<>();
        for (String asset : Reciprocal.poolAssets(portfolio)) {
            Evaluation inX = RiskEngine.evaluation(Reciprocal.portfolio(portfolio, asset));
            for (String w : inX.risk().warnings()) {
                warnings.add(w.startsWith("the cross margin balance") ? asset + " cross pool: " + w : w);
            }
            Map<String, CoinPool> cross = CoinPool.crossPools(portfolio, asset);
            Map<String, SolvedPrice[]> crossSolved = new HashMap<>();
            double feesHeld = 0;
            for (CoinPool pool : cross.values()) {
                feesHeld += pool.closeFeeAtBankruptcy();
            }
            List<String> adlWarnings = new ArrayList<>();
            List<AdlRanking.Entry> adl = new ArrayList<>();
            Map<String, Double> scores = new HashMap<>();
            for (PositionRisk x : inX.risk().positions()) {
                Position p = positionsById.get(x.id());
                Market m = bySymbol.get(p.symbol());
                double[] in = adlInputs(x, p, m);
                Double score = RiskEngine.sideFigure(p.id(), "ADL score", adlWarnings,
                        () -> AdlScore.positionScore(in[0], in[1], in[2], in[3]));
                scores.put(p.id(), score);
                adl.add(new AdlRanking.Entry(p.id(), p.side(), score, x.notional()));
            }
            warnings.addAll(adlWarnings);
            Map<String, AdlRanking.Rank> ranks = AdlRanking.rank(adl);
            for (PositionRisk x : inX.risk().positions()) {
                Position p = positionsById.get(x.id());
                Market m = bySymbol.get(p.symbol());
                CoinPool pool = p.isIsolated() ? CoinPool.isolated(p, m) : cross.get(p.symbol());
                SolvedPrice[] prices = p.isIsolated() ? solve(pool)
                        : crossSolved.computeIfAbsent(p.symbol(), s -> solve(pool));
                coinSolved.put(p.id(), new CoinSolved(p, m, pool, prices[0], prices[1]));
                AdlRanking.Rank rank = ranks.get(p.id());
                coinFigures.put(p.id(), inPrice(x, p, m, pool, prices[0], prices[1], asset, scores.get(p.id()),
                        rank == null ? 1 : rank.quintile()));
            }
            AccountRisk a = inX.risk().account();
            double requirement = inX.crossRequirement() + feesHeld;
            // margin ratio = requirement / margin balance, with the fees held for closing where the venue holds them
            Double ratio = a.marginBalance() > 0 ? requirement / a.marginBalance() : null;
            AccountRisk coin = new AccountRisk(a.walletBalance(), a.unrealizedPnl(), a.marginBalance(),
                    a.initialMargin(), a.maintenanceMargin(), ratio, a.availableBalance());
            coinAccounts.put(asset, coin);
            coinRequirements.put(asset, requirement);
            pools.add(new PoolRisk(asset, coin));
        }

        List<PositionRisk> positions = new ArrayList<>();
        List<Integer> linearOf = new ArrayList<>();
        for (Position p : portfolio.positions()) {
            Integer li = linearIndex.get(p.id());
            if (li != null) {
                positions.add(linear.risk().positions().get(li).withMarginAsset(quote));
            } else {
                positions.add(coinFigures.get(p.id()));
            }
            linearOf.add(li);
        }
        List<String> marketWarnings = new ArrayList<>();
        List<MarketRisk> markets = RiskEngine.marketRisks(portfolio.markets(), marketWarnings);
        warnings.addAll(marketWarnings);
        PortfolioRisk risk = new PortfolioRisk(linear.risk().account(), positions, markets, Map.of(),
                List.copyOf(warnings), pools);
        return new Evaluation(risk, linear.crossRequirement(), i -> {
            Integer li = linearOf.get(i);
            if (li != null) {
                return linear.positionWorking(li);
            }
            return InverseWorkings.position(portfolio, coinSolved.get(positions.get(i).id()), positions.get(i));
        }, linear::accountWorking, i -> {
            if (i == 0) {
                return linear.accountWorking();
            }
            PoolRisk pool = pools.get(i);
            return InverseWorkings.pool(pool.asset(), pool.figures(), coinRequirements.get(pool.asset()),
                    coinPrice(portfolio, pool.asset()));
        });
    }

    private static SolvedPrice[] solve(CoinPool pool) {
        return new SolvedPrice[] {InverseSolver.solve(pool, Requirement.MAINTENANCE),
                InverseSolver.solve(pool, Requirement.ZERO)};
    }

    /** The figures computed in x, with prices, distance, margin ratio, side and funding as the trader sees them. */
    private static PositionRisk inPrice(PositionRisk x, Position p, Market m, CoinPool pool, SolvedPrice lp,
                                        SolvedPrice bp, String asset, Double adlScore, int adlQuintile) {
        double mark = m.markPrice();
        Double distance = null;
        if (lp.price() != null) {
            // distance to liquidation = |mark − LP| / mark, negative once past it
            double d = Math.abs(mark - lp.price()) / mark;
            distance = lp.safeAtMark() ? d : -d;
        }
        // funding in coin = −side × N(mark) × rate: the leg in x has the opposite side, so its payment changes sign
        double perSettlement = -x.fundingPerSettlement() + 0.0;
        double overHorizon = -x.fundingOverHorizon() + 0.0;
        return new PositionRisk(p.id(), p.symbol(), p.side(), p.marginMode(), x.notional(), x.unrealizedPnl(),
                x.roe(), x.initialMargin(), x.maintenanceMargin(), x.maintenanceMarginRate(), x.bracket(),
                x.margin(), lp.price(), bp.price(), distance, pool.marginRatio(mark), adlScore, adlQuintile,
                perSettlement, overHorizon, Map.of(), null, asset);
    }

    /** The coin's price in the quote currency: the mark of its first inverse market (NaN when it has none). */
    private static double coinPrice(Portfolio portfolio, String asset) {
        for (Market m : portfolio.markets()) {
            if (m.isInverse() && asset.equals(m.contract().settleAsset())) {
                return m.markPrice();
            }
        }
        return Double.NaN;
    }

    /**
     * The ADL score's inputs of an inverse position in the quote currency at the mark: uPnL, entry value, MM and
     * value at mark, each coin amount × mark, so that PnL%'s floor of 1 is 1 USD as for a linear contract, not 1 coin
     * (the score itself is a ratio). Ranked among the positions settled in the same coin.
     */
    static double[] adlInputs(PositionRisk r, Position p, Market m) {
        double mark = m.markPrice();
        double entryValue = m.contract().coinNotional(p.size(), p.entryPrice());
        return new double[] {r.unrealizedPnl() * mark, entryValue * mark, r.maintenanceMargin() * mark,
                r.notional() * mark};
    }

    /** The linear pool's asset: the quote asset of the first linear market's venue (USDT when there is none). */
    static String quoteAsset(Portfolio portfolio) {
        for (Market m : portfolio.markets()) {
            if (!m.isInverse()) {
                return m.convention().quoteAsset();
            }
        }
        return "USDT";
    }

    private static void checkCoinInputs(Portfolio portfolio) {
        for (var e : portfolio.account().coinWallets().entrySet()) {
            if (e.getValue() == null || !Double.isFinite(e.getValue())) {
                throw new EngineException(e.getKey() + " wallet balance must be a finite number");
            }
        }
    }
}
