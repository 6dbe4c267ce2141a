package com.perprisk.io;

import com.perprisk.engine.Convention;
import com.perprisk.engine.tier.TierSpec;
import com.perprisk.engine.tier.TierTable;
import com.perprisk.io.WorkspaceDocument.ContractDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;

import java.util.List;

/**
 * A dated tier-table preset (format "perprisk-tier-preset"). Either {@code tiers} (brackets, same fields as a workspace
 * market's tiers) or, for dYdX, a {@code dydx} block. Version 2 adds the {@code contract} block of a coin-margined
 * market (type INVERSE, contract size, settle coin; its tiers are then in coin notional), as in a version 2 workspace.
 *
 * @param id           stable id, e.g. "binance-btcusdt-2024-10-24"
 * @param venue        venue name for people
 * @param symbol       the market it was published for (for dYdX: the liquidity tier's name)
 * @param convention   a {@link Convention} name
 * @param asOf         publication date, YYYY-MM-DD
 * @param source       where the numbers come from, and what is not confirmed
 * @param illustrative true for made-up teaching tables that are not a venue's published numbers
 * @param tiers        the brackets, or {@code null} for a dYdX preset
 * @param dydx         dYdX liquidity-tier parameters, or {@code null}
 * @param contract     the market's contract for an inverse preset (its tiers are in the settle coin), or {@code null}
 */
public record Preset(String id, String venue, String symbol, String convention, String asOf, String source,
                     boolean illustrative, List<TierDoc> tiers, DydxDoc dydx, ContractDoc contract) {

    /** A preset of a linear market (version 1). */
    public Preset(String id, String venue, String symbol, String convention, String asOf, String source,
                  boolean illustrative, List<TierDoc> tiers, DydxDoc dydx) {
        this(id, venue, symbol, convention, asOf, source, illustrative, tiers, dydx, null);
    }

    /** Whether the preset is for a coin-margined (inverse) market. */
    public boolean isInverse() {
        return contract != null && "INVERSE".equals(contract.type());
    }

    public Convention conventionValue() {
        return Convention.valueOf(convention);
    }

    /** The brackets as engine tier specs (an open last cap is +∞); empty for a dYdX preset. */
    public List<TierSpec> tierSpecs() {
        return tiers == null ? List.of() : WorkspaceMapper.tierSpecs(tiers);
    }

    /** The brackets resolved under the preset's convention (dYdX: its single bracket). */
    public TierTable tierTable() {
        if (dydx != null) {
            double imf = dydx.initialMarginFraction();
            return TierTable.single(1.0 / imf, imf * dydx.maintenanceFraction());
        }
        return TierTable.resolve(conventionValue(), tierSpecs());
    }

    /** A label for lists: "Binance USDⓈ-M BTCUSDT, 2024-10-24" plus " (illustrative)" where it applies. */
    public String label() {
        return venue + " " + symbol + ", " + asOf + (illustrative ? " (illustrative)" : "");
    }
}
