package com.perprisk.ui.tiers;

import com.perprisk.engine.Convention;
import com.perprisk.io.Preset;
import com.perprisk.io.PresetCatalog;
import com.perprisk.io.TierImport;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import com.perprisk.io.WorkspaceException;
import com.perprisk.ui.workspace.MarketRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;

import java.util.List;

/**
 * What the tier editor's menus do, without a screen: apply a bundled preset, import a CSV table or the JSON that
 * Binance's {@code GET /fapi/v1/leverageBracket} returns. Each replaces the market's table in one undo step.
 */
public final class TierActions {
    private final WorkspaceViewModel vm;

    public TierActions(WorkspaceViewModel vm) {
        this.vm = vm;
    }

    /** The bundled presets, in catalogue order; empty (not an error) if the catalogue cannot be read. */
    public static List<PresetCatalog.PresetInfo> presets() {
        try {
            return PresetCatalog.list();
        } catch (WorkspaceException e) {
            return List.of();
        }
    }

    /** Applies a preset to a market, switching the market to the preset's venue convention. */
    public void applyPreset(MarketRow market, String presetId) throws WorkspaceException {
        Preset p = PresetCatalog.load(presetId);
        Convention c = p.conventionValue();
        vm.tiers().replaceMargin(market, p.tiers(), p.dydx(), c, p.label().replace("\u24C8", "S"));
    }

    /** Imports a CSV table (floor, cap, max leverage, MMR, maintenance amount) into a market. */
    public void importCsv(MarketRow market, String csv, String sourceName) throws WorkspaceException {
        List<TierDoc> tiers = TierImport.fromCsv(csv);
        vm.tiers().replaceTiers(market, tiers, null, "Imported from " + sourceName);
    }

    /**
     * Imports Binance's leverage-bracket JSON for the market's symbol; the market switches to the Binance
     * convention.
     */
    public void importBinance(MarketRow market, String json, String sourceName) throws WorkspaceException {
        List<TierDoc> tiers = TierImport.fromBinanceLeverageBracket(json, market.symbolProperty().get());
        vm.tiers().replaceTiers(market, tiers, Convention.BINANCE, "Binance leverage brackets from " + sourceName);
    }

    /**
     * "Recompute from here": sets the maintenance amount of the row {@code from} and every later row by the recursion
     * cum_k = cum_{k−1} + floor_k × (MMR_k − MMR_{k−1}), starting from the amount above it (0 at the first row), in one
     * undo step. Returns false (and changes nothing) when a floor or MMR it needs is not a number.
     */
    public boolean recomputeAmountsFrom(MarketRow market, int from) {
        var rows = market.tiers();
        if (from < 0 || from >= rows.size()) {
            return false;
        }
        var f = vm.formats();
        double[] floors = new double[rows.size()];
        double[] mmrs = new double[rows.size()];
        for (int i = Math.max(0, from - 1); i < rows.size(); i++) {
            Double floor = f.parse(rows.get(i).floorProperty().get());
            Double mmr = f.parse(rows.get(i).mmrPercentProperty().get());
            if (floor == null || mmr == null) {
                return false;
            }
            floors[i] = floor;
            mmrs[i] = mmr / 100;
        }
        double cum = 0;
        if (from > 0) {
            Double above = f.parse(rows.get(from - 1).maintenanceAmountProperty().get());
            if (above == null) {
                return false;
            }
            cum = above;
        }
        double[] amounts = new double[rows.size()];
        for (int i = from; i < rows.size(); i++) {
            cum = i == 0 ? 0 : cum + floors[i] * (mmrs[i] - mmrs[i - 1]);
            amounts[i] = cum;
        }
        vm.batch(() -> {
            for (int i = from; i < rows.size(); i++) {
                rows.get(i).maintenanceAmountProperty().set(f.editText(amounts[i]));
            }
        });
        return true;
    }
}
