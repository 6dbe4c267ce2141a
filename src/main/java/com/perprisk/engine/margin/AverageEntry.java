package com.perprisk.engine.margin;

import com.perprisk.engine.EngineException;

import java.util.List;

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
}
