package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;
import com.perprisk.engine.explain.Explanation;
import com.perprisk.engine.explain.Term;

import java.util.ArrayList;
import java.util.List;

import static com.perprisk.engine.explain.Numbers.plain;

/**
 * Average entry price of several fills on the same side: EP = Σ qᵢ × pᵢ / Σ qᵢ for a linear contract; for an
 * inverse contract the contract-weighted harmonic mean EP = Σ Cᵢ / Σ (Cᵢ / pᵢ), total contracts over total coin value,
 * so that the coin value C × cs / EP of the joined position is the sum of its fills'.
 */
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

    /** Average entry of inverse fills (sizes in contracts): EP = Σ Cᵢ / Σ (Cᵢ / pᵢ). */
    public static double inverse(List<Fill> fills) {
        double contracts = 0;
        double coin = 0;
        for (Fill f : fills) {
            if (!(f.size() > 0) || !(f.price() > 0) || !Double.isFinite(f.size() / f.price())) {
                throw new EngineException("a fill needs a positive size and price, got " + f.size() + " @ " + f.price());
            }
            contracts += f.size();
            coin += f.size() / f.price();
        }
        if (contracts == 0) {
            throw new EngineException("no fills to average");
        }
        // EP = Σ C / Σ (C / p): total contracts over total coin value (per unit of contract size)
        return contracts / coin;
    }

    /** The average entry of fills of a contract: harmonic for an inverse contract, size-weighted for a linear one. */
    public static double of(com.perprisk.engine.Contract contract, List<Fill> fills) {
        return contract.isInverse() ? inverse(fills) : of(fills);
    }

    /** The working of inverse fills: contracts over coin value. */
    public static Explanation explainInverse(List<Fill> fills) {
        List<Term> terms = new ArrayList<>();
        StringBuilder top = new StringBuilder();
        StringBuilder bottom = new StringBuilder();
        for (int i = 0; i < fills.size(); i++) {
            Fill f = fills.get(i);
            terms.add(new Term("C" + (i + 1), "contracts of fill " + (i + 1), f.size(), "contracts"));
            terms.add(new Term("p" + (i + 1), "price of fill " + (i + 1), f.price(), "quote"));
            top.append(i == 0 ? "" : " + ").append(plain(f.size()));
            bottom.append(i == 0 ? "" : " + ").append(plain(f.size())).append(" / ").append(plain(f.price()));
        }
        return new Explanation("Average entry price", "EP = Σ Cᵢ / Σ (Cᵢ / pᵢ)", terms,
                "EP = (" + top + ") / (" + bottom + ")", inverse(fills),
                List.of("Contract-weighted harmonic mean: an inverse position's coin value is C × cs / EP, so the"
                        + " entries average as coin values do; it lies below the size-weighted mean."));
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
