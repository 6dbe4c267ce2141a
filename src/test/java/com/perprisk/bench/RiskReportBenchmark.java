package com.perprisk.bench;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.WorkspaceException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue 13: the whole report ({@code RiskEngine.evaluate}, every figure, no explanations) for N cross positions,
 * each in its own market, on Binance's 12-bracket BTCUSDT table, mixing the cross-pool conventions (Binance, Bybit,
 * OKX, Hyperliquid, by market). Reports per second; a report costs a fixed amount per position when the figure times
 * N stays flat. Run with the classpath of the README's benchmark section:
 * {@code java -cp … org.openjdk.jmh.Main RiskReportBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RiskReportBenchmark {

    @Param({"1", "10", "100", "1000", "10000"})
    public int positions;

    /** BINANCE: every market Binance's; MIXED: Binance, Bybit, OKX and Hyperliquid in turn. */
    @Param({"BINANCE", "MIXED"})
    public String venues;

    private Portfolio portfolio;

    @Setup
    public void setUp() throws WorkspaceException {
        portfolio = portfolio(positions, venues.equals("MIXED"));
    }

    public static Portfolio portfolio(int n, boolean mixed) throws WorkspaceException {
        // Binance BTCUSDT as published 2024-10-24: the bundled preset, 12 brackets
        TierTable table = PresetCatalog.load("binance-btcusdt-2024-10-24").tierTable();
        Convention[] conventions = mixed
                ? new Convention[]{Convention.BINANCE, Convention.BYBIT, Convention.OKX, Convention.HYPERLIQUID}
                : new Convention[]{Convention.BINANCE};
        Random r = new Random(42);
        List<Market> markets = new ArrayList<>();
        List<Position> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String sym = "M" + i;
            double mark = 100 + r.nextDouble() * 60_000;
            Convention c = conventions[i % conventions.length];
            TierTable t = c == Convention.BINANCE ? table : TierTable.resolve(c, specs(table));
            markets.add(new Market(sym, c, mark, mark * (1 + 0.001 * r.nextGaussian()), 0.0005, t, null,
                    new FundingTerms(0.0001, 8), null));
            double q = (1e4 + r.nextDouble() * 5e5) / mark;
            Side side = r.nextBoolean() ? Side.LONG : Side.SHORT;
            list.add(Position.cross("p" + i, sym, side, q, mark * (0.95 + 0.1 * r.nextDouble()), 10));
        }
        return new Portfolio(new Account(2e4 * n, PositionMode.ONE_WAY), markets, list, 720);
    }

    /**
     * The same portfolio with each market funded at its own rate (0.01% + i × 10⁻⁷ per 8 h), so that the report
     * computes every market's funding APY (markets funded alike share theirs).
     */
    public static Portfolio distinctFunding(Portfolio p) {
        List<Market> markets = new ArrayList<>();
        for (int i = 0; i < p.markets().size(); i++) {
            Market m = p.markets().get(i);
            markets.add(new Market(m.symbol(), m.convention(), m.markPrice(), m.indexPrice(), m.takerFeeRate(),
                    m.tiers(), m.dydx(), new FundingTerms(0.0001 + 1e-7 * i, 8), m.future(), m.contract()));
        }
        return new Portfolio(p.account(), markets, p.positions(), p.horizonHours());
    }

    private static List<com.perprisk.engine.tier.TierSpec> specs(TierTable t) {
        List<com.perprisk.engine.tier.TierSpec> out = new ArrayList<>();
        for (var tier : t.tiers()) {
            out.add(new com.perprisk.engine.tier.TierSpec(tier.floor(), tier.cap(), tier.maxLeverage(), tier.mmr(),
                    null));
        }
        return out;
    }

    /** The whole report, every figure, no explanations: what the UI recomputes on each edit. */
    @Benchmark
    public Object evaluate() {
        return RiskEngine.evaluate(portfolio, false);
    }
}
