package com.perprisk.io;

import com.perprisk.engine.lab.LabInputs;

import java.util.Set;

import static com.perprisk.io.LabFields.*;

/**
 * The {@code mark} section of a market-lab document.
 */
final class LabMarkSection {
    static final Set<String> MARK = Set.of("method", "indexPrice", "fundingRate", "hoursToFunding", "intervalHours",
            "impactBid", "impactAsk", "lastPrice", "movingAverageBasis");

    private LabMarkSection() {
    }

    static LabInputs.MarkIn read(LabFields f, JsonObject o) throws WorkspaceException {
        LabInputs.MarkMethod method = requiredChoice(o, "method", LabInputs.MarkMethod.class);
        Double hours = optNonNeg(o, "hoursToFunding");
        Double interval = optPos(o, "intervalHours");
        if (hours != null && interval != null && hours > interval) {
            throw invalid(o, "hoursToFunding", fmt(hours) + " h is longer than the " + fmt(interval)
                    + " h funding interval");
        }
        return new LabInputs.MarkIn(method, optPos(o, "indexPrice"), o.number("fundingRate"), hours, interval,
                optPos(o, "impactBid"), optPos(o, "impactAsk"), optPos(o, "lastPrice"), o.number("movingAverageBasis"));
    }
}
