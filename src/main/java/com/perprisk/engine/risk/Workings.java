package com.perprisk.engine.risk;

import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Immutable maps of workings that iterate in {@link ExplainKey} order (the explain panel's order). */
final class Workings {
    private Workings() {
    }

    static Map<ExplainKey, Explanation> copyOf(Map<ExplainKey, Explanation> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new EnumMap<>(map));
    }
}
