package com.perprisk.io;

import com.perprisk.engine.lab.LabInputs;
import com.perprisk.engine.vamm.Vamm;
import com.perprisk.io.JsonTree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.perprisk.io.LabFields.*;

/**
 * The {@code vamm} section of a market-lab document: reserves, fees and the trades applied in order.
 */
final class LabVammSection {
    static final Set<String> VAMM = Set.of("quoteReserve", "baseReserve", "tollRatio", "spreadRatio", "trades",
            "markTwap", "indexTwap", "fundingPeriodHours", "pegMultiplier");
    static final Set<String> TRADE = Set.of("quoteIn", "quoteOut", "baseIn", "baseOut");

    private LabVammSection() {
    }

    static LabInputs.VammIn read(LabFields f, JsonObject o) throws WorkspaceException {
        double q = pos(o, "quoteReserve", null);
        double b = pos(o, "baseReserve", null);
        double toll = nonNeg(o, "tollRatio", 0.0);
        double spread = nonNeg(o, "spreadRatio", 0.0);
        Vamm amm = new Vamm(q, b, toll, spread, pos(o, "pegMultiplier", 1.0));
        List<Vamm.Trade> trades = new ArrayList<>();
        List<Node> ts = o.array("trades");
        if (ts != null) {
            for (int i = 0; i < ts.size(); i++) {
                JsonObject t = f.obj(ts.get(i), o.childPath("trades") + "[" + i + "]", TRADE);
                List<String> given = TRADE.stream().filter(t::has).sorted().toList();
                if (given.size() != 1) {
                    throw new WorkspaceException(WorkspaceException.Kind.INVALID, "give exactly one of quoteIn,"
                            + " quoteOut, baseIn, baseOut" + (given.isEmpty() ? "" : ", got " + String.join(" and ",
                            given)), t.path(), t.node().line(), t.node().column(), null);
                }
                String field = given.get(0);
                Vamm.Kind kind = switch (field) {
                    case "quoteIn" -> Vamm.Kind.QUOTE_IN;
                    case "quoteOut" -> Vamm.Kind.QUOTE_OUT;
                    case "baseIn" -> Vamm.Kind.BASE_IN;
                    default -> Vamm.Kind.BASE_OUT;
                };
                double amount = pos(t, field, null);
                trades.add(new Vamm.Trade(kind, amount));
            }
        }
        return new LabInputs.VammIn(amm, trades, optPos(o, "markTwap"), optPos(o, "indexTwap"),
                pos(o, "fundingPeriodHours", 1.0));
    }
}
