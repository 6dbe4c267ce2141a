package com.perprisk.engine.tier;

import com.perprisk.engine.Convention;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bracket lookups (counting floors for short tables, bisection for long ones, and from a guessed bracket) all
 * name the bracket of the definition: the last one whose floor is at or below the notional.
 */
class BracketLookupTest {

    /** The definition, read literally. */
    private static int lastFloorAtOrBelow(TierTable t, double notional) {
        int k = 0;
        for (int i = 0; i < t.size(); i++) {
            if (t.tier(i).floor() <= notional) {
                k = i;
            }
        }
        return k;
    }

    private static TierTable table(Random r, int brackets) {
        List<TierSpec> specs = new ArrayList<>();
        double floor = 0;
        double lev = 125;
        double mmr = 0.004;
        for (int i = 0; i < brackets; i++) {
            double cap = i == brackets - 1 ? Double.POSITIVE_INFINITY : floor + 1 + r.nextDouble() * 1e6;
            specs.add(new TierSpec(floor, cap, lev, mmr, null));
            floor = cap;
            lev = Math.max(1, lev * 0.9);
            mmr = Math.min(mmr * 1.05, 0.9 / lev);
        }
        return TierTable.resolve(Convention.BINANCE, specs);
    }

    @Test
    void everyLookupFindsTheBracketOfTheDefinition() {
        Random r = new Random(7);
        for (int brackets : new int[]{1, 2, 12, 16, 17, 40}) {
            for (int c = 0; c < 50; c++) {
                TierTable t = table(r, brackets);
                List<Double> notionals = new ArrayList<>(List.of(0.0, -0.0, -1.0, Double.NaN, Double.MAX_VALUE,
                        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE));
                for (int i = 0; i < t.size(); i++) {
                    double f = t.tier(i).floor();
                    notionals.add(f);
                    notionals.add(Math.nextDown(f));
                    notionals.add(Math.nextUp(f));
                }
                for (int i = 0; i < 200; i++) {
                    notionals.add(r.nextDouble() * t.tier(t.size() - 1).floor() * 1.2);
                }
                for (double n : notionals) {
                    int expected = lastFloorAtOrBelow(t, n);
                    assertEquals(expected, t.bracketIndex(n), "notional " + n + ", " + brackets + " brackets");
                    for (int hint = -1; hint <= t.size(); hint++) {
                        assertEquals(expected, t.bracketIndex(n, hint), "notional " + n + " from guess " + hint);
                    }
                }
            }
        }
    }
}
