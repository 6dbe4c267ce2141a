package com.perprisk.ui.playback;

import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.ui.format.Formats;

import java.util.Map;

/** The details of a simulation event in one plain sentence, with formatted numbers (never NaN or ∞). */
public final class EventText {
    private EventText() {
    }

    public static String describe(SimulationEvent e, Formats f) {
        Map<String, Object> d = e.details();
        return switch (e.type()) {
            case FUNDING -> {
                double pay = num0(d, "payment");
                String into = String.valueOf(d.get("into"));
                String after = d.containsKey("marginAfter") ? "margin now " + f.money(num(d, "marginAfter"))
                        : d.containsKey("walletAfter") ? "wallet now " + f.money(num(d, "walletAfter")) : "";
                yield (pay >= 0 ? "received " : "paid ") + f.money(Math.abs(pay)) + " at rate "
                        + f.signedPercent(num(d, "rate"), 4) + " into the " + into + (after.isEmpty() ? "" : "; "
                        + after);
            }
            case MARGIN_CALL -> "margin ratio " + f.percent(num(d, "marginRatio"), 1) + " (balance "
                    + f.money(num(d, "marginBalance")) + ", maintenance " + f.money(num(d, "maintenanceRequirement"))
                    + ")";
            case PARTIAL_LIQUIDATION -> "closed " + f.quantity(num(d, "quantity"), 6) + " at "
                    + f.money(num(d, "fillPrice")) + ", " + f.quantity(num(d, "remainingSize"), 6) + " left; "
                    + String.valueOf(d.get("reason"));
            case LIQUIDATION -> "closed " + f.quantity(num(d, "quantity"), 6) + " " + lower(d.get("side"))
                    + " at fill " + f.money(num(d, "fillPrice")) + "; liquidation price "
                    + f.money(num(d, "liquidationPrice")) + ", bankruptcy price " + f.money(num(d, "bankruptcyPrice"))
                    + ("cross".equals(d.get("pool")) ? " (cross pool)" : "");
            case INSURANCE_FUND -> {
                double surplus = num0(d, "surplus");
                double deficit = num0(d, "deficit");
                String what = deficit > 0
                        ? "deficit " + f.money(deficit) + ": fund pays " + f.money(num(d, "coveredByFund"))
                        + (num0(d, "leftForAdl") > 0 ? ", " + f.money(num(d, "leftForAdl")) + " left for ADL" : "")
                        : "surplus " + f.money(surplus) + " to the fund";
                yield what + "; fund " + f.money(num(d, "fundBefore")) + " → " + f.money(num(d, "fundAfter"));
            }
            case ADL -> d.get("counterparty") == null ? String.valueOf(d.get("note")) + " (" + f.money(num(d,
                    "uncovered")) + ")"
                    : "counterparty " + d.get("counterparty") + " (" + lower(d.get("counterpartySide")) + ", rank "
                    + d.get("rank") + ") closed " + f.quantity(num(d, "quantity"), 6) + " at bankruptcy price "
                    + f.money(num(d, "price")) + ", took " + f.money(num(d, "amount"));
        };
    }

    private static String lower(Object o) {
        return o == null ? "" : o.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static Double num(Map<String, Object> d, String key) {
        Object v = d.get(key);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        return null;
    }

    private static double num0(Map<String, Object> d, String key) {
        Double v = num(d, key);
        return v == null ? 0 : v;
    }
}
