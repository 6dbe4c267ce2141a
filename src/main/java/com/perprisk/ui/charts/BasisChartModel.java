package com.perprisk.ui.charts;

import com.perprisk.engine.risk.MarketRisk;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart 5, per market: premium of the perpetual over its index and basis rate of the dated future (left), and the
 * annualized carry (funding APR, what a short perp against long spot collects before fees, and the annualized basis
 * of the future) (right). All in %.
 */
public final class BasisChartModel extends ChartViewModel {
    public static final String PREMIUM = "Premium";
    public static final String BASIS_RATE = "Basis rate";
    public static final String FUNDING_APR = "Funding APR";
    public static final String ANNUALIZED_BASIS = "Annualized basis";

    public BasisChartModel(RiskContext context, Formats fmt) {
        super(context, fmt);
    }

    @Override
    public String title() {
        return "Basis & carry";
    }

    @Override
    public ChartData safeCompute(ChartInput in) {
        if (in.portfolio() == null || in.risk() == null) {
            return super.safeCompute(in);
        }
        try {
            return compute(in);
        } catch (RuntimeException e) {
            return ChartData.empty(title(), "This chart cannot be computed: " + e.getMessage());
        }
    }

    @Override
    public ChartData compute(ChartInput in) {
        List<MarketRisk> markets = in.risk().markets();
        if (markets.isEmpty()) {
            return ChartData.empty(title(), "Add a market to see its premium and carry.");
        }
        int n = markets.size();
        List<String> names = new ArrayList<>();
        double[] x = new double[n];
        double[] premium = new double[n];
        double[] basis = new double[n];
        double[] apr = new double[n];
        double[] annualized = new double[n];
        for (int i = 0; i < n; i++) {
            MarketRisk m = markets.get(i);
            names.add(m.symbol());
            x[i] = i;
            premium[i] = m.premium() * 100;
            basis[i] = m.basisRate() == null ? Double.NaN : m.basisRate() * 100;
            apr[i] = m.fundingApr() * 100;
            annualized[i] = m.annualizedBasis() == null ? Double.NaN : m.annualizedBasis() * 100;
        }
        ChartData left = new ChartData(title() + " · premium (mark − index) / index, basis rate (future − index) / index", "Market", "Rate (%)",
                List.of(new ChartData.Series(PREMIUM, "%", x, premium), new ChartData.Series(BASIS_RATE, "%", x,
                        basis)), List.of(), 0, n, null, null, names, null, null);
        ChartData right = new ChartData("Annualized carry: funding APR, basis × 365 / days", "Market", "Per year (%)",
                List.of(new ChartData.Series(FUNDING_APR, "%", x, apr), new ChartData.Series(ANNUALIZED_BASIS, "%", x,
                        annualized)), List.of(), 0, n, null, null, names, null, null);
        return left.withCompanion(right);
    }
}
