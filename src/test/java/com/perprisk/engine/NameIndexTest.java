package com.perprisk.engine;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The report's name index answers as a map would: the last value of a name, −1 for none, colliding hashes apart. */
class NameIndexTest {
    @Test
    void answersAsAMap() {
        Random r = new Random(1);
        for (int t = 0; t < 200; t++) {
            int n = 1 + r.nextInt(300);
            NameIndex index = new NameIndex(n);
            Map<String, Integer> map = new HashMap<>();
            for (int i = 0; i < n; i++) {
                // few distinct names, so that some repeat; "Aa" and "BB" share a hash code, as do their repeats
                String name = switch (r.nextInt(4)) {
                    case 0 -> "Aa".repeat(1 + r.nextInt(3));
                    case 1 -> "BB".repeat(1 + r.nextInt(3));
                    default -> "M" + r.nextInt(n);
                };
                Integer earlier = map.put(name, i);
                assertEquals(earlier == null ? -1 : earlier, index.put(name, i));
            }
            for (int i = 0; i < n; i++) {
                String probe = "M" + i;
                assertEquals(map.getOrDefault(probe, -1), index.get(probe));
            }
            assertEquals(-1, index.get("absent"));
            assertEquals(map.getOrDefault("AaAa", -1), index.get("AaAa"));
            assertEquals(map.getOrDefault("BBBB", -1), index.get(new String("BBBB")));
        }
    }
}
