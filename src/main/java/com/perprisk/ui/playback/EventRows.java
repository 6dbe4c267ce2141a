package com.perprisk.ui.playback;

import com.perprisk.engine.Market;
import com.perprisk.engine.Portfolio;
import com.perprisk.engine.inverse.Reciprocal;
import com.perprisk.engine.simulation.SimulationEvent;
import com.perprisk.ui.display.Amounts;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.playback.PlaybackViewModel.EventRow;

/** The playback log's rows: an event with its position (or market, or pool) and its text in the amounts' asset. */
final class EventRows {
    private EventRows() {
    }

    /** The log row of an event of a playback of {@code entered}. */
    static EventRow of(SimulationEvent e, Portfolio entered, Formats formats) {
        String asset = assetOf(e, entered);
        String pool = asset == null || !Amounts.isCoin(asset) ? "cross pool" : asset + " cross pool";
        String who = e.positionId() != null ? e.positionId() : e.symbol() != null ? e.symbol() : pool;
        return new EventRow(e.step(), e.timeHours(), e.type().name(), who, EventText.describe(e, formats, asset), e);
    }

    /** The asset of an event's amounts with coin-margined contracts (its market's, or its pool's); else null. */
    static String assetOf(SimulationEvent e, Portfolio p) {
        if (p == null || !Reciprocal.hasInverse(p)) {
            return null;
        }
        if (e.symbol() != null && p.market(e.symbol()).isPresent()) {
            return p.market(e.symbol()).get().marginAsset();
        }
        String coin = e instanceof SimulationEvent.MarginCall c ? c.asset()
                : e instanceof SimulationEvent.InsuranceFund f ? f.asset() : null;
        return coin != null ? coin : p.markets().stream().filter(m -> !m.isInverse()).map(Market::marginAsset)
                .findFirst().orElse(null);
    }
}
