package com.perprisk.engine.risk;

import com.perprisk.engine.explain.ExplainKey;
import com.perprisk.engine.explain.Explanation;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * A position's working, written when it is first read: a report of 1,000 positions is recomputed on every edit, and
 * the explain panel reads the working of one of them. The same entries as writing it at once; unmodifiable. A
 * working that cannot be written is empty (the figures it explains are in the report either way).
 */
final class LazyWorking extends AbstractMap<ExplainKey, Explanation> {
    private final Evaluation evaluation;
    private final int index;
    private volatile Map<ExplainKey, Explanation> written;

    LazyWorking(Evaluation evaluation, int index) {
        this.evaluation = evaluation;
        this.index = index;
    }

    private Map<ExplainKey, Explanation> working() {
        Map<ExplainKey, Explanation> w = written;
        if (w == null) {
            synchronized (this) {
                w = written;
                if (w == null) {
                    try {
                        w = Workings.copyOf(evaluation.positionWorking(index));
                    } catch (RuntimeException e) {
                        w = Map.of();
                    }
                    written = w;
                }
            }
        }
        return w;
    }

    @Override
    public Set<Entry<ExplainKey, Explanation>> entrySet() {
        return working().entrySet();
    }

    @Override
    public Explanation get(Object key) {
        return working().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return working().containsKey(key);
    }

    @Override
    public int size() {
        return working().size();
    }
}
