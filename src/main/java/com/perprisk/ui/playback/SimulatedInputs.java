package com.perprisk.ui.playback;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.Position;
import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the input cells show during a playback: the simulated state of each position (its size after partial
 * liquidations, its isolated margin after funding) instead of the entered one, and for a position the run closed,
 * "liquidated at P, t = H h".
 */
public final class SimulatedInputs {
    /** Style class of an input cell or field showing the simulated state (read-only). */
    public static final String STYLE = "simulated";

    private SimulatedInputs() {
    }

    /**
     * The simulated value of a position's input field, or empty when the position is not in the shown portfolio
     * (liquidated) or the field is not one the simulation changes.
     *
     * @param field a position field name as in the workspace format ("size", "entryPrice", "leverage",
     *              "isolatedMargin", "extraMargin")
     */
    public static Optional<String> text(Portfolio shown, String positionId, String field, Formats f) {
        if (shown == null || positionId == null) {
            return Optional.empty();
        }
        Position p = shown.positions().stream().filter(x -> positionId.equals(x.id())).findFirst().orElse(null);
        if (p == null) {
            return Optional.empty();
        }
        // a coin-margined position's margin is in its coin (the simulation keeps it explicit)
        com.perprisk.engine.Market m = shown.market(p.symbol()).orElse(null);
        String coin = m != null && m.isInverse() ? m.marginAsset() : null;
        return Optional.ofNullable(switch (field) {
            case "size" -> f.quantity(p.size(), 6);
            case "entryPrice" -> f.quantity(p.entryPrice(), 8);
            case "leverage" -> f.quantity(p.leverage(), 2) + "×";
            case "isolatedMargin" -> p.marginMode() == MarginMode.ISOLATED
                    ? Amounts.money(f, p.isolatedMargin() != null ? p.isolatedMargin()
                    : p.size() * p.entryPrice() / p.leverage(), coin) : "";
            case "extraMargin" -> p.marginMode() == MarginMode.ISOLATED ? Amounts.money(f, p.extraMargin(), coin) : "";
            default -> null;
        });
    }

    /** For each position a full liquidation closed up to the tick: "liquidated at P, t = H h". */
    public static Map<String, String> notes(List<SimulationEvent> events, int upTo, Formats f) {
        Map<String, String> notes = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(upTo, events.size()); i++) {
            if (events.get(i) instanceof SimulationEvent.Liquidation x && x.positionId() != null) {
                notes.put(x.positionId(), "liquidated at " + f.money(x.fillPrice()) + ", t = "
                        + PlaybackPaths.trim(x.timeHours()) + " h");
            }
        }
        return Map.copyOf(notes);
    }
}
