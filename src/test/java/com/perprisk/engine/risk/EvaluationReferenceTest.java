package com.perprisk.engine.risk;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DatedFuture;
import com.perprisk.engine.DydxMargin;
import com.perprisk.engine.EngineException;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.adl.AdlRanking;
import com.perprisk.engine.adl.AdlScore;
import com.perprisk.engine.funding.FundingPayment;
import com.perprisk.engine.liquidation.Leg;
import com.perprisk.engine.liquidation.LiquidationSolver;
import com.perprisk.engine.liquidation.MarginPool;
import com.perprisk.engine.liquidation.Requirement;
import com.perprisk.engine.liquidation.SolvedPrice;
import com.perprisk.engine.tier.Tier;
import com.perprisk.engine.tier.TierIssue;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import static com.perprisk.engine.explain.Numbers.plain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RiskEngine#evaluate} gives bit for bit what it gave before its hot path was made allocation-light (issue 13):
 * the evaluation as it was (one bracket search per use, the cross pools built by {@link MarginPool#crossPools}, every
 * pool's lines built before its solve, the ADL queue ranked by {@link AdlRanking#rank}) is kept here as the reference
 * and compared on seeded random portfolios: every convention, isolated and cross, one-way and hedged, several
 * positions per market, given and extra isolated margin, ties in the ADL queue, liquidatable pools, notionals beyond a
 * finite last cap, markets without positions, funding and dated futures. Records compare doubles by their bits.
 */
class EvaluationReferenceTest {
    private static final Convention[] LINEAR = {Convention.BINANCE, Convention.BYBIT, Convention.OKX,
            Convention.HYPERLIQUID, Convention.DYDX};

    static LongStream seeds() {
        return LongStream.range(1, 601);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameFiguresAsTheReferenceEvaluation(long seed) {
        Portfolio pf = randomPortfolio(new Random(seed));
        PortfolioRisk expected;
        try {
            expected = Reference.evaluation(pf);
        } catch (EngineException e) {
            EngineException actual = assertThrows(EngineException.class, () -> RiskEngine.evaluate(pf));
            assertEquals(e.getMessage(), actual.getMessage(), "seed " + seed);
            return;
        }
        PortfolioRisk actual = RiskEngine.evaluate(pf);
        assertEquals(expected.account(), actual.account(), "seed " + seed);
        assertEquals(expected.warnings(), actual.warnings(), "seed " + seed);
        assertEquals(expected.markets(), actual.markets(), "seed " + seed);
        assertEquals(expected.positions().size(), actual.positions().size());
        for (int i = 0; i < expected.positions().size(); i++) {
            assertEquals(expected.positions().get(i), actual.positions().get(i), "seed " + seed + ", position " + i);
        }
        assertEquals(expected, actual, "seed " + seed);
        // the working is written from the same figures and pools
        PortfolioRisk explained = RiskEngine.evaluate(pf, true);
        for (int i = 0; i < explained.positions().size(); i++) {
            assertEquals(Reference.working(pf, expected, i).toString(),
                    explained.positions().get(i).explanations().toString(), "seed " + seed + ", working " + i);
        }
    }

    @Test
    void marketsFundedAlikeHaveTheReferenceFigures() {
        // the report takes a market's funding APR and APY from the market before when both are funded alike: the
        // same terms, equal ones, the baseline rate, +0 beside −0 (whose APYs differ in sign), and an APY that
        // overflows (left empty with a warning for each market)
        Random r = new Random(5);
        int reused = 0;
        for (int t = 0; t < 300; t++) {
            Portfolio pf = randomPortfolio(r);
            List<Market> ms = new ArrayList<>();
            FundingTerms previous = null;
            for (Market m : pf.markets()) {
                FundingTerms terms = switch (r.nextInt(6)) {
                    case 0 -> previous == null ? m.funding() : previous;
                    case 1 -> previous == null ? m.funding() : new FundingTerms(previous.rate(),
                            previous.intervalHours());
                    case 2 -> new FundingTerms(0.0001, 8);
                    case 3 -> new FundingTerms(r.nextBoolean() ? 0.0 : -0.0, 8);
                    case 4 -> new FundingTerms(50, 1e-3);
                    default -> m.funding();
                };
                reused += previous != null && previous.equals(terms) ? 1 : 0;
                ms.add(new Market(m.symbol(), m.convention(), m.markPrice(), m.indexPrice(), m.takerFeeRate(),
                        m.tiers(), m.dydx(), terms, m.future(), m.contract()));
                previous = terms;
            }
            Portfolio alike = new Portfolio(pf.account(), ms, pf.positions(), pf.horizonHours());
            PortfolioRisk expected;
            try {
                expected = Reference.evaluation(alike);
            } catch (EngineException e) {
                assertEquals(e.getMessage(), assertThrows(EngineException.class, () -> RiskEngine.evaluate(alike))
                        .getMessage(), "portfolio " + t);
                continue;
            }
            PortfolioRisk actual = RiskEngine.evaluate(alike);
            assertEquals(expected.markets(), actual.markets(), "portfolio " + t);
            assertEquals(expected.warnings(), actual.warnings(), "portfolio " + t);
            assertEquals(expected, actual, "portfolio " + t);
        }
        assertTrue(reused > 200, "markets funded as the one before: " + reused);
    }

    @Test
    void aPositionTwiceInTheQueueIsRefusedAsBefore() {
        Portfolio pf = randomPortfolio(new Random(7));
        List<Position> ps = new ArrayList<>(pf.positions());
        ps.add(ps.get(0));
        Portfolio twice = pf.withPositions(ps);
        EngineException e = assertThrows(EngineException.class, () -> Reference.evaluation(twice));
        assertEquals(e.getMessage(), assertThrows(EngineException.class, () -> RiskEngine.evaluate(twice))
                .getMessage());
    }

    static Portfolio randomPortfolio(Random r) {
        int markets = 1 + r.nextInt(r.nextInt(4) == 0 ? 30 : 5);
        boolean hedge = r.nextBoolean();
        List<Market> ms = new ArrayList<>();
        List<Position> ps = new ArrayList<>();
        for (int i = 0; i < markets; i++) {
            Convention c = LINEAR[r.nextInt(LINEAR.length)];
            double mark = 0.5 + r.nextDouble() * 90_000;
            Market m = randomMarket(r, "M" + i, c, mark);
            ms.add(m);
            int legs = r.nextInt(6) == 0 ? 0 : hedge ? 1 + r.nextInt(2) : 1 + (r.nextInt(5) == 0 ? 1 : 0);
            Position previous = null;
            for (int l = 0; l < legs; l++) {
                Side side = hedge && legs == 2 ? (l == 0 ? Side.LONG : Side.SHORT)
                        : (r.nextBoolean() ? Side.LONG : Side.SHORT);
                double notional = 10 + r.nextDouble() * (r.nextInt(4) == 0 ? 5e9 : 2e7);
                double q = notional / mark;
                double entry = mark * (0.8 + 0.4 * r.nextDouble());
                double lev = 1 + r.nextDouble() * 19;
                String id = "p" + i + "_" + l;
                Position p = r.nextInt(3) == 0 ? Position.isolated(id, m.symbol(), side, q, entry, lev)
                        : Position.cross(id, m.symbol(), side, q, entry, lev);
                if (p.isIsolated() && r.nextBoolean()) {
                    p = p.withIsolatedMargin(r.nextBoolean() ? null : notional / lev * r.nextDouble(),
                            (r.nextDouble() - 0.5) * notional / lev);
                }
                if (previous != null && r.nextInt(3) == 0) {
                    // the same figures under another id: a tie in the ADL queue, broken by notional then id
                    p = new Position(id, previous.symbol(), previous.side(), previous.size(), previous.entryPrice(),
                            previous.leverage(), previous.marginMode(), previous.isolatedMargin(),
                            previous.extraMargin());
                }
                ps.add(p);
                previous = p;
            }
        }
        if (r.nextInt(40) == 0) { // an input the engine refuses, with the message it gave before
            ps.add(r.nextBoolean() ? Position.cross("bad", "NOPE", Side.LONG, 1, 100, 10)
                    : Position.cross("bad", "M0", Side.LONG, r.nextBoolean() ? 0 : Double.NaN, 100, 10));
        }
        java.util.Collections.shuffle(ps, r);
        double wallet = r.nextInt(5) == 0 ? r.nextDouble() * 1e4 : r.nextDouble() * 2e6;
        return new Portfolio(new Account(wallet, hedge ? PositionMode.HEDGE : PositionMode.ONE_WAY), ms, ps,
                r.nextInt(3) == 0 ? 24 * r.nextInt(60) : 720);
    }

    static Market randomMarket(Random r, String symbol, Convention c, double mark) {
        FundingTerms funding = new FundingTerms((r.nextDouble() - 0.4) * 1e-3, new double[]{1, 4, 8}[r.nextInt(3)]);
        DatedFuture future = r.nextInt(4) == 0 ? new DatedFuture(mark * (1 + 0.02 * r.nextDouble()),
                1 + r.nextInt(200)) : null;
        double index = mark * (1 + 0.002 * (r.nextDouble() - 0.5));
        if (c == Convention.DYDX) {
            double imf = new double[]{0.05, 0.1, 0.2}[r.nextInt(3)];
            return Market.dydx(symbol, mark, index, 0.0005, DydxMargin.of(imf, 0.5 + 0.1 * r.nextInt(2)), funding,
                    future);
        }
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        double lev = new double[]{125, 100, 50, 40, 20}[r.nextInt(5)];
        double mmr = 1 / (2.5 * lev);
        int n = 1 + r.nextInt(12);
        boolean finiteLast = r.nextInt(4) == 0;
        boolean offRecursion = r.nextInt(5) == 0 && c.usesMaintenanceAmount();
        double cum = 0;
        double prevMmr = 0;
        for (int i = 0; i < n; i++) {
            double cap = i == n - 1 && !finiteLast ? Double.POSITIVE_INFINITY
                    : floor + (5e4 + r.nextDouble() * 5e6) * (i + 1);
            double rate = c == Convention.HYPERLIQUID ? 1 / (2.0 * lev) : mmr;
            cum += i == 0 ? 0 : floor * (rate - prevMmr);
            Double amount = offRecursion ? cum * (1 + 0.01 * r.nextDouble()) : null;
            specs.add(new TierSpec(floor, cap, lev, c == Convention.HYPERLIQUID ? null : mmr, amount));
            prevMmr = rate;
            floor = cap;
            lev = Math.max(1, Math.floor(lev / (1.2 + r.nextDouble())));
            mmr = Math.min(1 / (2.0 * lev), mmr * (1.1 + r.nextDouble()));
        }
        double fee = c == Convention.OKX ? 0.0005 : 0.0002 * r.nextInt(3);
        return new Market(symbol, c, mark, index, fee, TierTable.resolve(c, specs), null, funding, future);
    }

    /** The evaluation of a portfolio of linear contracts as it was before issue 13's hot path (kept verbatim). */
    static final class Reference {
        static PortfolioRisk evaluation(Portfolio portfolio) {
            Map<String, Market> bySymbol = portfolio.marketsBySymbol();
            checkInputs(portfolio, bySymbol);
            List<String> warnings = new ArrayList<>();
            for (Market m : portfolio.markets()) {
                for (TierIssue issue : m.tiers().issues()) {
                    warnings.add(m.symbol() + " tier " + (issue.tierIndex() + 1) + ": " + issue.message());
                }
            }
            List<Position> all = portfolio.positions();
            int count = all.size();
            Market[] marketOf = new Market[count];
            Leg[] legOf = new Leg[count];
            double[] mmOf = new double[count];
            double wallet = portfolio.account().walletBalance();
            double crossPnl = 0;
            double crossIm = 0;
            double crossMm = 0;
            double crossRequirement = 0;
            boolean anyCross = false;
            for (int i = 0; i < count; i++) {
                Position p = all.get(i);
                Market m = bySymbol.get(p.symbol());
                Leg leg = new Leg(p, m);
                marketOf[i] = m;
                legOf[i] = leg;
                mmOf[i] = leg.maintenanceMargin(m.markPrice());
                if (p.isIsolated()) {
                    continue;
                }
                anyCross = true;
                crossPnl += leg.unrealizedPnl(m.markPrice());
                crossIm += p.initialMargin();
                crossMm += mmOf[i];
                crossRequirement += leg.requirement(m.markPrice());
            }
            double crossBalance = wallet + crossPnl;
            Double crossRatio = crossBalance > 0 ? crossRequirement / crossBalance : null;
            double available = Math.max(0, crossBalance - crossIm);
            AccountRisk account = new AccountRisk(wallet, crossPnl, crossBalance, crossIm, crossMm, crossRatio,
                    available);
            if (anyCross && (crossRatio == null || crossRatio >= 1)) {
                warnings.add("the cross margin balance is at or below the maintenance requirement: cross positions are"
                        + " liquidatable at the current marks");
            }
            Double[] scoreOf = new Double[count];
            List<AdlRanking.Entry> entries = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Position p = all.get(i);
                Market m = marketOf[i];
                Double score = RiskEngine.sideFigure(p.id(), "ADL score", warnings,
                        () -> AdlScore.entry(p, m).score());
                scoreOf[i] = score;
                entries.add(new AdlRanking.Entry(p.id(), p.side(), score, p.notionalAt(m.markPrice())));
            }
            Map<String, AdlRanking.Rank> ranks = AdlRanking.rank(entries);
            List<PositionRisk> positions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Position p = all.get(i);
                Market m = marketOf[i];
                MarginPool pool = pool(portfolio, p);
                LiquidationSolver.segments(pool, Requirement.MAINTENANCE); // the lines built before the solve
                SolvedPrice lp = LiquidationSolver.solve(pool, Requirement.MAINTENANCE);
                SolvedPrice bp = LiquidationSolver.solve(pool, Requirement.ZERO);
                positions.add(positionRisk(portfolio, p, m, legOf[i], mmOf[i], pool, lp, bp, scoreOf[i],
                        ranks.get(p.id()), warnings));
            }
            List<MarketRisk> markets = new ArrayList<>(portfolio.markets().size());
            for (Market m : portfolio.markets()) {
                markets.add(RiskEngine.marketRisk(m, warnings));
            }
            return new PortfolioRisk(account, positions, markets, Map.of(), warnings);
        }

        /** A fresh pool, nothing cached: built as {@link MarginPool#of} builds it. */
        static MarginPool pool(Portfolio portfolio, Position p) {
            return p.isIsolated() ? MarginPool.isolated(p, portfolio.requireMarket(p.symbol()))
                    : MarginPool.crossPools(portfolio).get(p.symbol());
        }

        /** The working of position i written from a fresh pool and freshly solved prices. */
        static Map<com.perprisk.engine.explain.ExplainKey, com.perprisk.engine.explain.Explanation> working(
                Portfolio portfolio, PortfolioRisk risk, int i) {
            Position p = portfolio.positions().get(i);
            MarginPool pool = pool(portfolio, p);
            LiquidationSolver.segments(pool, Requirement.MAINTENANCE);
            return Workings.position(portfolio, new Evaluation.Solved(p, portfolio.requireMarket(p.symbol()), pool,
                    LiquidationSolver.solve(pool, Requirement.MAINTENANCE),
                    LiquidationSolver.solve(pool, Requirement.ZERO)), risk.positions().get(i));
        }

        private static PositionRisk positionRisk(Portfolio portfolio, Position p, Market m, Leg leg, double mm,
                                                 MarginPool pool, SolvedPrice lp, SolvedPrice bp, Double adlScore,
                                                 AdlRanking.Rank rank, List<String> warnings) {
            double mark = m.markPrice();
            double notional = p.notionalAt(mark);
            double upnl = leg.unrealizedPnl(mark);
            double im = p.initialMargin();
            double roe = upnl / im;
            int bracketIndex = leg.bracketIndex(mark);
            Tier tier = m.tiers().tier(bracketIndex);
            double margin = pool.marginBalance(mark);
            Double ratio = pool.marginRatio(mark);
            Double distance = null;
            if (lp.price() != null) {
                double d = Math.abs(mark - lp.price()) / mark;
                distance = lp.safeAtMark() ? d : -d;
            }
            if (p.isIsolated() && (ratio == null || ratio >= 1)) {
                warnings.add(p.id() + ": isolated margin is at or below the maintenance requirement: liquidatable at"
                        + " the current mark");
            }
            if (leg.bracketNotional(mark) >= m.tiers().maxNotional()) {
                warnings.add(p.id() + ": notional " + plain(leg.bracketNotional(mark)) + " is beyond the tier table's"
                        + " last cap " + plain(m.tiers().maxNotional()) + "; the last bracket is used");
            }
            double rate = m.funding().rate();
            double interval = m.funding().intervalHours();
            double perSettlement = FundingPayment.perSettlement(p.side(), p.size(), mark, rate);
            double overHorizon = FundingPayment.overHorizon(p.side(), p.size(), mark, rate,
                    portfolio.horizonHours(), interval);
            Double bankruptcy = DydxFills.bankruptcyPrice(pool, p, m, mm, bp.price(), null);
            Double fillable = DydxFills.fillablePrice(pool, p, m, mm);
            return new PositionRisk(p.id(), p.symbol(), p.side(), p.marginMode(), notional, upnl, roe, im, mm,
                    tier.mmr(), bracketIndex + 1, margin, lp.price(), bankruptcy, distance, ratio, adlScore,
                    rank == null ? 1 : rank.quintile(), perSettlement, overHorizon, Map.of(), fillable);
        }

        private static void checkInputs(Portfolio portfolio, Map<String, Market> symbols) {
            if (!Double.isFinite(portfolio.account().walletBalance())) {
                throw new EngineException("wallet balance must be a finite number");
            }
            for (Market m : portfolio.markets()) {
                if (!(m.markPrice() > 0) || !Double.isFinite(m.markPrice())) {
                    throw new EngineException(m.symbol() + ": mark price must be a positive number");
                }
                if (!(m.indexPrice() > 0) || !Double.isFinite(m.indexPrice())) {
                    throw new EngineException(m.symbol() + ": index price must be a positive number");
                }
                if (!(m.funding().intervalHours() > 0) || !Double.isFinite(m.funding().rate())) {
                    throw new EngineException(m.symbol() + ": funding needs a finite rate and a positive interval");
                }
            }
            for (Position p : portfolio.positions()) {
                if (!(p.size() > 0) || !Double.isFinite(p.size())) {
                    throw new EngineException(p.id() + ": size must be a positive number");
                }
                if (!(p.entryPrice() > 0) || !Double.isFinite(p.entryPrice())) {
                    throw new EngineException(p.id() + ": entry price must be a positive number");
                }
                if (!(p.leverage() > 0) || !Double.isFinite(p.leverage())) {
                    throw new EngineException(p.id() + ": leverage must be a positive number");
                }
                if (!Double.isFinite(p.extraMargin()) || (p.isolatedMargin() != null
                        && !Double.isFinite(p.isolatedMargin()))) {
                    throw new EngineException(p.id() + ": margin must be a finite number");
                }
                if (!symbols.containsKey(p.symbol())) {
                    throw new EngineException(p.id() + ": unknown symbol " + p.symbol());
                }
            }
        }
    }
}
