package com.perprisk.ui.charts;

import com.perprisk.engine.Market;
import com.perprisk.engine.Position;
import com.perprisk.engine.risk.PositionRisk;
import com.perprisk.engine.risk.RiskCurves;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.display.Units;
import com.perprisk.ui.format.Formats;

import java.util.ArrayList;
import java.util.List;

/**
 * Chart 1: margin balance (equity of the position's pool) and maintenance requirement against the mark price of the
 * position's market, other markets held at their marks. They cross at the liquidation price; the balance reaches 0
 * at the bankruptcy price. Marker lines: entry, liquidation, bankruptcy and the current mark. For a coin pool the
 * curves are in the coin on the left axis, and the same curves valued in USD at each mark (coin × P, dashed) are
 * read on a USD axis on the right, scaled at the mark (right = left × mark), so the two pairs meet at the mark.
 */
public final class EquityChartModel extends ChartViewModel {
    public static final String BALANCE = "Margin balance";
    public static final String REQUIREMENT = "Maintenance requirement";
    /** The balance of a coin pool valued in USD at each mark (coin × P), on the USD axis. */
    public static final String BALANCE_USD = "Margin balance (USD)";
    /** The requirement of a coin pool valued in USD at each mark. */
    public static final String REQUIREMENT_USD = "Maintenance requirement (USD)";

    public EquityChartModel(RiskContext context, Formats fmt) {
        super(context, fmt);
    }

    @Override
    public String title() {
        return "Equity";
    }

    @Override
    public ChartData compute(ChartInput in) {
        Position p = in.position();
        Market m = in.market();
        double[] prices = PriceSweep.prices(in, POINTS);
        RiskCurves.EquityCurve c = RiskCurves.equityCurve(in.portfolio(), p.id(), prices);
        String q = Units.money(m);
        String px = Units.price(m);
        List<ChartData.Series> series = new ArrayList<>(List.of(
                new ChartData.Series(BALANCE, q, c.prices(), c.balance()),
                new ChartData.Series(REQUIREMENT, q, c.prices(), c.requirement())));
        String xLabel = "Mark price of " + m.symbol() + " (" + px + ")";
        String title = title() + " · " + p.id() + " " + m.symbol() + (p.isIsolated() ? " (isolated)"
                : " (" + (m.isInverse() ? q + " " : "") + "cross pool)");
        if (!m.isInverse()) {
            return new ChartData(title, xLabel, q, series, priceMarkers(in, fmt), prices[0], prices[prices.length - 1],
                    null, null, null, null, null);
        }
        // a coin pool: the same curves valued in USD at each mark (coin × P), read on a USD axis on the right whose
        // scale is the coin at today's mark, so that both meet at the mark
        double[] balUsd = new double[prices.length];
        double[] reqUsd = new double[prices.length];
        for (int i = 0; i < prices.length; i++) {
            balUsd[i] = c.balance()[i] * prices[i];
            reqUsd[i] = c.requirement()[i] * prices[i];
        }
        series.add(new ChartData.Series(BALANCE_USD, "USD", c.prices(), balUsd, true));
        series.add(new ChartData.Series(REQUIREMENT_USD, "USD", c.prices(), reqUsd, true));
        double mark = m.markPrice();
        return new ChartData(title, xLabel, q, series, priceMarkers(in, fmt), prices[0],
                prices[prices.length - 1], null, null, null, null, null)
                .withRightAxis(new ChartData.RightAxis("USD (" + q + " × P)", "USD", mark, usdAxisNote(q, mark, fmt)));
    }

    /** What a coin chart's USD axis shows: the dashed curves' unit, and the price the axis is scaled at. */
    static String usdAxisNote(String coin, double mark, Formats fmt) {
        return "USD axis. Dashed curves: each " + coin + " amount × the mark price P at that point, its value in USD"
                + " there. The axis is the " + coin + " axis × the mark " + fmt.price(mark, mark) + ", so a solid "
                + coin + " curve read on it gives its USD value at today's mark; solid and dashed meet at the mark.";
    }

    /** Entry, liquidation, bankruptcy and mark lines for a chart whose x axis is the mark price. */
    static List<ChartData.Marker> priceMarkers(ChartInput in, Formats fmt) {
        Position p = in.position();
        Market m = in.market();
        double ref = in.enteredMark();
        PositionRisk r = in.positionRisk();
        List<ChartData.Marker> out = new ArrayList<>();
        out.add(new ChartData.Marker(ChartData.Axis.X, p.entryPrice(), "Entry " + fmt.price(p.entryPrice(), ref),
                "marker-entry"));
        if (r != null && r.liquidationPrice() != null && Double.isFinite(r.liquidationPrice())) {
            out.add(new ChartData.Marker(ChartData.Axis.X, r.liquidationPrice(), "LP "
                    + fmt.price(r.liquidationPrice(), ref), "marker-lp"));
        }
        if (r != null && r.bankruptcyPrice() != null && Double.isFinite(r.bankruptcyPrice())) {
            out.add(new ChartData.Marker(ChartData.Axis.X, r.bankruptcyPrice(), "BP "
                    + fmt.price(r.bankruptcyPrice(), ref), "marker-bp"));
        }
        out.add(new ChartData.Marker(ChartData.Axis.X, m.markPrice(), "Mark " + fmt.price(m.markPrice(), ref),
                "marker-mark"));
        return out;
    }
}
