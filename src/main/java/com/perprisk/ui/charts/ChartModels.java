package com.perprisk.ui.charts;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.risk.MarketRisk;
import com.perprisk.engine.risk.PortfolioRisk;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskCurves;
import com.perprisk.ui.display.Display;

import java.util.ArrayList;
import java.util.List;

/**
 * The chart view models: pure functions from (portfolio, results, selected position) to plot data. The selected
 * position defaults to the first one. Each may take a few milliseconds (500 solver calls for the leverage sweep), so
 * {@link ChartsPane} runs them off the FX thread.
 */
public final class ChartModels {
    /** Points per curve unless told otherwise. */
    public static final int DEFAULT_POINTS = 500;

    private ChartModels() {
    }

    /** The kinds of chart, one tab each. */
    public enum Kind {
        EQUITY("Equity vs mark"),
        MARGIN_RATIO("Margin ratio vs mark"),
        LIQUIDATION_BY_LEVERAGE("Liquidation vs leverage"),
        FUNDING("Funding drift"),
        CARRY("Premium, basis & carry");

        private final String tabTitle;

        Kind(String tabTitle) {
            this.tabTitle = tabTitle;
        }

        public String tabTitle() {
            return tabTitle;
        }
    }

    /** Plots of one kind (the funding chart has two stacked plots, the others one). */
    public static List<ChartData> compute(Kind kind, Portfolio portfolio, PortfolioRisk risk, String selectedId,
                                          int points) {
        if (portfolio == null || risk == null) {
            return List.of(ChartData.empty(kind.tabTitle(), "no results"));
        }
        return switch (kind) {
            case EQUITY -> List.of(equity(portfolio, risk, selectedId, points));
            case MARGIN_RATIO -> List.of(marginRatio(portfolio, risk, selectedId, points));
            case LIQUIDATION_BY_LEVERAGE -> List.of(liquidationByLeverage(portfolio, risk, selectedId, points));
            case FUNDING -> funding(portfolio, risk, selectedId);
            case CARRY -> List.of(carry(risk));
        };
    }

    /** The selected position, or the first one; null without positions. */
    public static Position target(Portfolio portfolio, String selectedId) {
        if (selectedId != null) {
            for (Position p : portfolio.positions()) {
                if (p.id().equals(selectedId)) {
                    return p;
                }
            }
        }
        return portfolio.positions().isEmpty() ? null : portfolio.positions().get(0);
    }

    /** Mark prices to sweep: around entry, mark, LP and BP with 15% room on each side, never below 0. */
    public static double[] priceRange(Position p, Market m, PositionRisk r, int points) {
        double lo = Math.min(p.entryPrice(), m.markPrice());
        double hi = Math.max(p.entryPrice(), m.markPrice());
        for (Double v : new Double[]{r == null ? null : r.liquidationPrice(), r == null ? null : r.bankruptcyPrice()}) {
            if (v != null && Double.isFinite(v) && v > 0) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        double span = Math.max(hi - lo, hi * 0.05);
        lo = Math.max(hi * 1e-6, lo - 0.15 * span);
        hi = hi + 0.15 * span;
        return RiskCurves.range(lo, hi, points);
    }

    private static String who(Position p) {
        return p.id() + " " + p.symbol() + " " + p.side().name().toLowerCase() + " " + Display.exact(p.size())
                + " (" + p.marginMode().name().toLowerCase() + ")";
    }

    private static List<ChartData.Marker> priceMarkers(Position p, Market m, PositionRisk r) {
        List<ChartData.Marker> out = new ArrayList<>();
        out.add(new ChartData.Marker(p.entryPrice(), "Entry " + Display.price(p.entryPrice()), "entry"));
        out.add(new ChartData.Marker(m.markPrice(), "Mark " + Display.price(m.markPrice()), "mark"));
        if (r != null && r.liquidationPrice() != null && Double.isFinite(r.liquidationPrice())) {
            out.add(new ChartData.Marker(r.liquidationPrice(), "LP " + Display.price(r.liquidationPrice()), "lp"));
        }
        if (r != null && r.bankruptcyPrice() != null && Double.isFinite(r.bankruptcyPrice())) {
            out.add(new ChartData.Marker(r.bankruptcyPrice(), "BP " + Display.price(r.bankruptcyPrice()), "bp"));
        }
        return out;
    }

    /** Chart 1: margin balance and maintenance requirement of the position's pool against its market's mark. */
    public static ChartData equity(Portfolio portfolio, PortfolioRisk risk, String selectedId, int points) {
        Position p = target(portfolio, selectedId);
        if (p == null) {
            return ChartData.empty(Kind.EQUITY.tabTitle(), "no positions");
        }
        Market m = portfolio.requireMarket(p.symbol());
        PositionRisk r = risk.position(p.id()).orElse(null);
        double[] prices = priceRange(p, m, r, points);
        RiskCurves.EquityCurve c = RiskCurves.equityCurve(portfolio, p.id(), prices);
        String unit = quote(m);
        return new ChartData("Equity and maintenance requirement — " + who(p), m.symbol() + " mark price (" + unit
                + ")", "Amount (" + unit + ")",
                List.of(new ChartData.Curve("Margin balance", c.prices(), c.balance()),
                        new ChartData.Curve("Maintenance requirement", c.prices(), c.requirement())),
                priceMarkers(p, m, r), List.of(), List.of(), "");
    }

    /** Chart 2: margin ratio (requirement / balance) against the mark; 100% is liquidation. */
    public static ChartData marginRatio(Portfolio portfolio, PortfolioRisk risk, String selectedId, int points) {
        Position p = target(portfolio, selectedId);
        if (p == null) {
            return ChartData.empty(Kind.MARGIN_RATIO.tabTitle(), "no positions");
        }
        Market m = portfolio.requireMarket(p.symbol());
        PositionRisk r = risk.position(p.id()).orElse(null);
        double[] prices = priceRange(p, m, r, points);
        RiskCurves.EquityCurve c = RiskCurves.equityCurve(portfolio, p.id(), prices);
        double[] pct = new double[prices.length];
        for (int i = 0; i < pct.length; i++) {
            double v = c.marginRatio()[i] * 100;
            // above 300% the pool is long gone: clip so the interesting part stays readable
            pct[i] = Double.isFinite(v) && v <= 300 ? v : Double.NaN;
        }
        return new ChartData("Margin ratio — " + who(p), m.symbol() + " mark price (" + quote(m) + ")",
                "Margin ratio (%)", List.of(new ChartData.Curve("Margin ratio", prices, pct)),
                priceMarkers(p, m, r), List.of(new ChartData.Marker(100, "Liquidation 100 %", "lp"),
                new ChartData.Marker(80, "Warning 80 %", "warning")), List.of(), "");
    }

    /** Chart 3: LP of the position re-opened as isolated at each leverage, with markers where the bracket changes. */
    public static ChartData liquidationByLeverage(Portfolio portfolio, PortfolioRisk risk, String selectedId,
                                                  int points) {
        Position p = target(portfolio, selectedId);
        if (p == null) {
            return ChartData.empty(Kind.LIQUIDATION_BY_LEVERAGE.tabTitle(), "no positions");
        }
        Market m = portfolio.requireMarket(p.symbol());
        double maxLev = Math.max(1.5, Math.min(200, m.maxLeverage(p.entryNotional())));
        double[] levs = RiskCurves.range(1, maxLev, points);
        RiskCurves.LeverageCurve c = RiskCurves.liquidationByLeverage(portfolio, p.id(), levs);
        List<ChartData.Marker> markers = new ArrayList<>();
        for (int i = 1; i < levs.length; i++) {
            if (c.brackets()[i] != c.brackets()[i - 1] && c.brackets()[i] > 0 && c.brackets()[i - 1] > 0) {
                double at = (levs[i] + levs[i - 1]) / 2;
                markers.add(new ChartData.Marker(at, "bracket " + c.brackets()[i - 1] + " → " + c.brackets()[i],
                        "step"));
            }
        }
        if (p.leverage() >= 1 && p.leverage() <= maxLev) {
            markers.add(new ChartData.Marker(p.leverage(), "Now " + Display.exact(p.leverage()) + "x", "entry"));
        }
        return new ChartData("Liquidation price by leverage (re-opened isolated) — " + who(p), "Leverage (x)",
                "Liquidation price (" + quote(m) + ")",
                List.of(new ChartData.Curve("Liquidation price", c.leverages(), c.prices())), markers,
                List.of(new ChartData.Marker(p.entryPrice(), "Entry " + Display.price(p.entryPrice()), "mark")),
                List.of(), "");
    }

    /** Settlements over the horizon, at least 1, at most 2,000. */
    public static int settlements(Portfolio portfolio, Market m) {
        double n = portfolio.horizonHours() / m.funding().intervalHours();
        return (int) Math.max(1, Math.min(2_000, Math.floor(n)));
    }

    /** Chart 4: cumulative funding over the horizon, and the liquidation price it moves to (two plots). */
    public static List<ChartData> funding(Portfolio portfolio, PortfolioRisk risk, String selectedId) {
        Position p = target(portfolio, selectedId);
        if (p == null) {
            return List.of(ChartData.empty(Kind.FUNDING.tabTitle(), "no positions"));
        }
        Market m = portfolio.requireMarket(p.symbol());
        RiskCurves.FundingDrift d = RiskCurves.fundingDrift(portfolio, p.id(), settlements(portfolio, m));
        String unit = quote(m);
        String rate = "rate " + Display.percent(m.funding().rate()) + " per " + Display.exact(m.funding().intervalHours())
                + " h";
        ChartData cum = new ChartData("Cumulative funding — " + who(p) + ", " + rate, "Hours from now (h)",
                "Funding (" + unit + ", + received)",
                List.of(new ChartData.Curve("Cumulative funding", d.hours(), d.cumulativeFunding())), List.of(),
                List.of(new ChartData.Marker(0, "", "level")), List.of(), "");
        String note = p.isIsolated() ? "funding settles into the isolated margin"
                : "cross: funding of every cross position settles into the wallet";
        ChartData lp = new ChartData("Liquidation price drift — " + note, "Hours from now (h)",
                "Liquidation price (" + unit + ")",
                List.of(new ChartData.Curve("Liquidation price", d.hours(), d.liquidationPrice())), List.of(),
                List.of(), List.of(), allNaN(d.liquidationPrice()) ? "no liquidation price over the horizon" : "");
        return List.of(cum, lp);
    }

    /** Chart 5: premium, basis rate, annualized basis and funding APR per market, in percent. */
    public static ChartData carry(PortfolioRisk risk) {
        List<String> cats = new ArrayList<>();
        int n = risk.markets().size();
        double[] x = new double[n];
        double[] premium = new double[n];
        double[] basis = new double[n];
        double[] annual = new double[n];
        double[] apr = new double[n];
        for (int i = 0; i < n; i++) {
            MarketRisk mr = risk.markets().get(i);
            cats.add(mr.symbol());
            x[i] = i;
            premium[i] = mr.premium() * 100;
            basis[i] = mr.basisRate() == null ? Double.NaN : mr.basisRate() * 100;
            annual[i] = mr.annualizedBasis() == null ? Double.NaN : mr.annualizedBasis() * 100;
            apr[i] = mr.fundingApr() * 100;
        }
        if (n == 0) {
            return ChartData.empty(Kind.CARRY.tabTitle(), "no markets");
        }
        return new ChartData("Premium, basis and annualized carry by market", "Market", "Rate (%)",
                List.of(new ChartData.Curve("Premium (mark − index) / index", x, premium),
                        new ChartData.Curve("Basis rate (future − index) / index", x, basis),
                        new ChartData.Curve("Annualized basis", x, annual),
                        new ChartData.Curve("Funding APR (perp carry)", x, apr)),
                List.of(), List.of(), cats, "");
    }

    private static boolean allNaN(double[] v) {
        for (double d : v) {
            if (Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /** The quote currency, guessed from the symbol (USDT, USDC, USD). */
    static String quote(Market m) {
        String s = m.symbol().toUpperCase();
        for (String q : new String[]{"USDT", "USDC", "USD"}) {
            if (s.endsWith(q) || s.endsWith("-" + q) || s.contains("/" + q)) {
                return q;
            }
        }
        return "quote";
    }
}
