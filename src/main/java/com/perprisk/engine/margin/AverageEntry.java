package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.explain.Numbers.plain;

/** Average entry price of several fills on the same side: EP = Σ qᵢ × pᵢ / Σ qᵢ. */
public final class AverageEntry {
    private AverageEntry() {
    }

    /** One fill: size and price. */
    public record Fill(double size, double price) {
    }

    public static double of(List<Fill> fills) {
        double qty = 0;
        double value = 0;
        for (Fill f : fills) {
            if (!(f.size() > 0) || !(f.price() > 0) || !Double.isFinite(f.size() * f.price())) {
                throw new EngineException("a fill needs a positive size and price, got " + f.size() + " @ " + f.price());
            }
            qty += f.size();
            value += f.size() * f.price();
        }
        if (qty == 0) {
            throw new EngineException("no fills to average");
        }
        // EP = Σ q × p / Σ q
        return value / qty;
    }

    /** The working: the fills, their sum and the size-weighted average. */
    public static Explanation explain(List<Fill> fills) {
        List<Term> terms = new ArrayList<>();
        StringBuilder top = new StringBuilder();
        StringBuilder bottom = new StringBuilder();
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            terms.add(new Term("q" + (i + 1), "size of fill " + (i + 1), f.size(), "base"));
            terms.add(new Term("p" + (i + 1), "price of fill " + (i + 1), f.price(), "quote"));
            top.append(i == 0 ? "" : " + ").append(plain(f.size())).append(" × ").append(plain(f.price()));
            bottom.append(i == 0 ? "" : " + ").append(plain(f.size()));
        }
        return new Explanation("Average entry price", "EP = Σ qᵢ × pᵢ / Σ qᵢ", terms,
                "EP = (" + top + ") / (" + bottom + ")", of(fills),
                List.of("Size-weighted: each fill counts by its size, so adding at a lower price pulls the entry"
                        + " down in proportion to the size added."));
    }
}
