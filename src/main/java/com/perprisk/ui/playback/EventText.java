package com.perprisk.ui.playback;

import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;

import java.util.Locale;

/** The details of a simulation event in one plain sentence, with formatted numbers (never NaN or ∞). */
public final class EventText {
    private EventText() {
    }

    public static String describe(SimulationEvent e, Formats f) {
        return describe(e, f, null);
    }

    /**
     * The sentence with every amount in {@code asset} ("0.000052 BTC"): the asset of the event's pool in a workspace
     * with coin-margined contracts; null for the bare amounts of a workspace of linear contracts.
     */
    public static String describe(SimulationEvent e, Formats formats, String asset) {
        Money f = new Money(formats, asset);
        if (e instanceof SimulationEvent.Funding x) {
            double pay = x.payment();
            String after = (x.intoIsolated() ? "margin now " : "wallet now ") + f.money(finite(x.balanceAfter()));
            return (pay >= 0 ? "received " : "paid ") + f.money(Math.abs(pay)) + " at rate "
                    + f.signedPercent(finite(x.rate()), 4) + " into the "
                    + (x.intoIsolated() ? "isolated margin" : "cross wallet") + "; " + after;
        }
        if (e instanceof SimulationEvent.MarginCall x) {
            return "margin ratio " + f.percent(finite(x.marginRatio()), 1) + " (balance "
                    + f.money(finite(x.marginBalance())) + ", maintenance " + f.money(finite(x.maintenanceRequirement()))
                    + ")";
        }
        if (e instanceof SimulationEvent.PartialLiquidation x) {
            return "closed " + f.quantity(finite(x.quantity()), 6) + " at " + f.plain(finite(x.fillPrice())) + ", "
                    + f.quantity(finite(x.remainingSize()), 6) + " left; " + x.reason();
        }
        if (e instanceof SimulationEvent.Liquidation x) {
            return "closed " + f.quantity(finite(x.quantity()), 6) + " " + x.side().name().toLowerCase(Locale.ROOT)
                    + " at fill " + f.plain(finite(x.fillPrice())) + "; liquidation price "
                    + f.plain(finite(x.liquidationPrice())) + ", bankruptcy price "
                    + f.plain(finite(x.bankruptcyPrice())) + (x.cross() ? " (cross pool)" : "");
        }
        if (e instanceof SimulationEvent.InsuranceFund x) {
            String what = x.deficit() > 0
                    ? "deficit " + f.money(x.deficit()) + ": fund pays " + f.money(finite(x.coveredByFund()))
                    + (x.leftForAdl() > 0 ? ", " + f.money(x.leftForAdl()) + " left for ADL" : "")
                    : "surplus " + f.money(finite(x.surplus())) + " to the fund";
            return what + "; fund " + f.money(finite(x.fundBefore())) + " → " + f.money(finite(x.fundAfter()));
        }
        if (e instanceof SimulationEvent.Adl x) {
            return "counterparty " + x.counterparty() + " (" + x.counterpartySide().name().toLowerCase(Locale.ROOT)
                    + ", rank " + x.rank() + ") closed " + f.quantity(finite(x.quantity()), 6)
                    + " at bankruptcy price " + f.plain(finite(x.price())) + ", took " + f.money(finite(x.amount()));
        }
        SimulationEvent.AdlShortfall x = (SimulationEvent.AdlShortfall) e;
        return SimulationEvent.AdlShortfall.NOTE + " (" + f.money(finite(x.uncovered())) + ")";
    }

    /** Amounts in the event's asset; prices (fills, liquidation prices) as plain numbers of two decimals. */
    private record Money(Formats fmt, String asset) {
        String money(Double v) {
            return Amounts.money(fmt, v, asset);
        }

        String plain(Double v) {
            return fmt.money(v);
        }

        String signedPercent(Double v, int d) {
            return fmt.signedPercent(v, d);
        }

        String percent(Double v, int d) {
            return fmt.percent(v, d);
        }

        String quantity(Double v, int d) {
            return fmt.quantity(v, d);
        }
    }

    /** A figure to format, or null (shown as "—") when it is missing or not finite. */
    private static Double finite(Double v) {
        return v != null && Double.isFinite(v) ? v : null;
    }
}
