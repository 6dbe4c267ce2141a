package com.perprisk.io;

import com.perprisk.engine.lab.LabInputs;
import com.perprisk.engine.pricing.IndexPrice;
import com.perprisk.io.JsonTree.Node;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.perprisk.io.LabFields.*;

/**
 * The {@code index} section of a market-lab document: sources and the filter rules.
 */
final class LabIndexSection {
    static final Set<String> INDEX = Set.of("sources", "rules");
    static final Set<String> SOURCE = Set.of("name", "price", "volume", "ageSeconds");
    static final Set<String> RULES = Set.of("method", "maxDeviation", "maxAgeSeconds", "minSources", "fallback");

    private LabIndexSection() {
    }

    static LabInputs.IndexIn read(LabFields f, JsonObject o) throws WorkspaceException {
        JsonObject r = f.sub(o, "rules", RULES);
        IndexPrice.Method method = r == null ? IndexPrice.Method.VWAP : choice(r, "method", IndexPrice.Method.class,
                IndexPrice.Method.VWAP);
        IndexPrice.Rules rules = build(o.childPath("rules"), o.node(), () -> new IndexPrice.Rules(
                r == null ? 0.05 : nonNeg(r, "maxDeviation", 0.05),
                r == null ? Double.POSITIVE_INFINITY : pos(r, "maxAgeSeconds", Double.POSITIVE_INFINITY),
                r == null ? 1 : count(r, "minSources", 1, 1),
                method, r == null ? IndexPrice.Fallback.MEDIAN_OF_FRESH
                : choice(r, "fallback", IndexPrice.Fallback.class, IndexPrice.Fallback.MEDIAN_OF_FRESH)));
        List<Node> ss = required(o, "sources");
        List<IndexPrice.Source> sources = new ArrayList<>();
        for (int i = 0; i < ss.size(); i++) {
            JsonObject s = f.obj(ss.get(i), o.childPath("sources") + "[" + i + "]", SOURCE);
            String name = requiredText(s, "name");
            double price = pos(s, "price", null);
            double volume = method == IndexPrice.Method.VWAP ? nonNeg(s, "volume", null) : nonNeg(s, "volume", 1.0);
            double age = nonNeg(s, "ageSeconds", 0.0);
            sources.add(build(s.path(), s.node(), () -> new IndexPrice.Source(name, price, volume, age)));
        }
        if (sources.isEmpty()) {
            throw invalid(o, "sources", "needs at least one source");
        }
        return new LabInputs.IndexIn(sources, rules);
    }
}
