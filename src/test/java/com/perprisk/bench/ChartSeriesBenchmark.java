package com.perprisk.bench;

import com.perprisk.engine.Account;
import com.perprisk.engine.Convention;
import com.perprisk.engine.DatedFuture;
import com.perprisk.engine.FundingTerms;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.RiskEngine;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.charts.BasisChartModel;
import com.perprisk.ui.charts.ChartData;
import com.perprisk.ui.charts.ChartInput;
import com.perprisk.ui.charts.ChartViewModel;
import com.perprisk.ui.charts.EquityChartModel;
import com.perprisk.ui.charts.FundingChartModel;
import com.perprisk.ui.charts.LeverageChartModel;
import com.perprisk.ui.charts.MarginRatioChartModel;
import com.perprisk.ui.format.Formats;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * From an edit to recomputed chart series: 20 positions in 3 markets (Binance's 12-bracket table, half cross, half
 * isolated, hedge mode), {@code RiskEngine.evaluate} with explanations followed by the visible chart's 500-point
 * series for the first position (a cross position: its pool has every cross leg). Sample time: read p0.50 as the
 * median. Target: under 16 ms (one frame). Run on demand (excluded from Surefire):
 * {@code mvn dependency:build-classpath -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test}, then
 * {@code java -cp target/test-classes:target/classes:$(cat target/test-cp.txt) com.perprisk.bench.ChartSeriesBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChartSeriesBenchmark {

    @Param({"equity", "ratio", "leverage", "funding", "basis"})
    public String chart;

    private Portfolio portfolio;
    private ChartViewModel model;
    private double markStep;

    @Setup
    public void setUp() throws WorkspaceException {
        // Binance BTCUSDT as published 2024-10-24: the bundled preset, 12 brackets
        TierTable table = PresetCatalog.load("binance-btcusdt-2024-10-24").tierTable();
        List<Market> markets = List.of(
                new Market("BTCUSDT", Convention.BINANCE, 60_000, 59_990, 0.0005, table, null,
                        new FundingTerms(0.0001, 8), new DatedFuture(61_200, 90)),
                new Market("ETHUSDT", Convention.BINANCE, 3_000, 2_998, 0.0005, table, null,
                        new FundingTerms(0.0002, 8), null),
                new Market("SOLUSDT", Convention.BINANCE, 150, 150.3, 0.0005, table, null,
                        new FundingTerms(-0.00005, 4), new DatedFuture(151.5, 30)));
        List<Position> positions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Market m = markets.get(i % 3);
            Side side = i % 2 == 0 ? Side.LONG : Side.SHORT;
            double mark = m.markPrice();
            positions.add(new Position("p" + (i + 1), m.symbol(), side, (5_000 + 1_000 * i) / mark,
                    mark * (side == Side.LONG ? 0.99 : 1.01), 5 + i % 10, i % 4 < 2 ? MarginMode.CROSS
                    : MarginMode.ISOLATED, null, 0));
        }
        portfolio = new Portfolio(new Account(250_000, PositionMode.HEDGE), markets, positions, 720);
        Formats fmt = new Formats(Locale.US);
        model = switch (chart) {
            case "equity" -> new EquityChartModel(null, fmt);
            case "ratio" -> new MarginRatioChartModel(null, fmt);
            case "leverage" -> new LeverageChartModel(null, fmt);
            case "funding" -> new FundingChartModel(null, fmt);
            default -> new BasisChartModel(null, fmt);
        };
        markStep = 0;
    }

    /** An edit (BTC's mark moves a little), the engine's evaluation and the visible chart's series. */
    @Benchmark
    public ChartData editToChartSeries() {
        markStep = markStep >= 100 ? 0 : markStep + 1;
        Portfolio edited = portfolio.withMarkPrice("BTCUSDT", 60_000 + markStep);
        PortfolioRisk risk = RiskEngine.evaluate(edited, true);
        return model.compute(ChartInput.of(edited, portfolio, risk, null, ""));
    }

    public static void main(String[] args) throws RunnerException {
        new Runner(new OptionsBuilder().include(ChartSeriesBenchmark.class.getSimpleName()).build()).run();
    }
}
