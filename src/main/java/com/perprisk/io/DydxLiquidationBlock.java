package com.perprisk.io;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.dydx.DydxLiquidation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The optional {@code "liquidation"} block of a DYDX market's {@code dydx} block, in dYdX's ppm:
 * {@code {"bankruptcyAdjustmentPpm": 1000000, "spreadToMaintenanceMarginRatioPpm": 100000,
 * "maxLiquidationFeePpm": 15000}}, each defaulting to those values when absent. The workspace reader keeps the block
 * among the dydx block's extra fields; the mapper turns it into the engine's config here.
 */
final class DydxLiquidationBlock {
    static final String FIELD = "liquidation";
    private static final Set<String> FIELDS = Set.of("bankruptcyAdjustmentPpm", "spreadToMaintenanceMarginRatioPpm",
            "maxLiquidationFeePpm");

    private DydxLiquidationBlock() {
    }

    /** The config of the dydx block's extra fields; problems go to {@code problem(path, message)} (then null). */
    static DydxLiquidation.Config read(String at, Map<String, Object> dydxExtra, BiConsumer<String, String> error,
                                       BiConsumer<String, String> warning) {
        if (dydxExtra == null || !dydxExtra.containsKey(FIELD) || dydxExtra.get(FIELD) == null) {
            return DydxLiquidation.Config.DEFAULT;
        }
        String path = at + "." + FIELD;
        if (!(dydxExtra.get(FIELD) instanceof Map<?, ?> block)) {
            error.accept(path, "expected an object with bankruptcyAdjustmentPpm, spreadToMaintenanceMarginRatioPpm"
                    + " and maxLiquidationFeePpm");
            return null;
        }
        for (Object k : block.keySet()) {
            if (!FIELDS.contains(String.valueOf(k))) {
                warning.accept(path + "." + k, "unknown field, ignored");
            }
        }
        Long ba = ppm(path + ".bankruptcyAdjustmentPpm", block.get("bankruptcyAdjustmentPpm"), 1_000_000, error);
        Long smmr = ppm(path + ".spreadToMaintenanceMarginRatioPpm", block.get("spreadToMaintenanceMarginRatioPpm"),
                100_000, error);
        Long fee = ppm(path + ".maxLiquidationFeePpm", block.get("maxLiquidationFeePpm"), 15_000, error);
        if (ba == null || smmr == null || fee == null) {
            return null;
        }
        if (ba < 1_000_000) {
            error.accept(path + ".bankruptcyAdjustmentPpm", "must be at least 1000000 (100%), got " + ba);
            return null;
        }
        if (smmr <= 0) {
            error.accept(path + ".spreadToMaintenanceMarginRatioPpm", "must be above 0, got " + smmr);
            return null;
        }
        if (fee <= 0 || fee > 1_000_000) {
            error.accept(path + ".maxLiquidationFeePpm", "must lie in 1 … 1000000, got " + fee);
            return null;
        }
        try {
            return DydxLiquidation.Config.ofPpm(ba, smmr, fee);
        } catch (EngineException e) {
            error.accept(path, e.getMessage());
            return null;
        }
    }

    private static Long ppm(String path, Object v, long fallback, BiConsumer<String, String> error) {
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n)) {
            error.accept(path, "expected a whole number of ppm, got " + v);
            return null;
        }
        BigDecimal bd = new BigDecimal(n.toString());
        try {
            return bd.longValueExact();
        } catch (ArithmeticException e) {
            error.accept(path, "expected a whole number of ppm, got " + bd.toPlainString());
            return null;
        }
    }

    /** The block as the file writes it: only when it differs from dYdX's defaults. */
    static Map<String, Object> extra(DydxLiquidation.Config c) {
        if (c == null || c.equals(DydxLiquidation.Config.DEFAULT)) {
            return null;
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("bankruptcyAdjustmentPpm", Math.round(c.bankruptcyAdjustment() * 1e6));
        block.put("spreadToMaintenanceMarginRatioPpm", Math.round(c.spreadToMaintenanceMarginRatio() * 1e6));
        block.put("maxLiquidationFeePpm", Math.round(c.maxLiquidationFee() * 1e6));
        return Map.of(FIELD, block);
    }
}
