package com.perprisk.engine;

/**
 * Names (symbols, position ids) mapped to indices 0 … n − 1 by open addressing over their hash codes: what a report
 * looks up once per position, without the boxed keys and entry objects of a {@code HashMap}. Sized once for at most
 * {@code capacity} names; not thread-safe (one per report).
 */
public final class NameIndex {
    private final String[] names;
    private final int[] values;
    private final int mask;
    /** 32 − log2(size): a hash's top bits after {@link #SPREAD} pick its first slot */
    private final int shift;
    /** 2³² / φ: multiplying by it spreads hashes that differ in their low bits over the top bits (ids "p1", "p2" …) */
    private static final int SPREAD = 0x9E3779B9;

    public NameIndex(int capacity) {
        int size = Integer.highestOneBit(Math.max(4, capacity * 2 - 1)) << 1;
        names = new String[size];
        values = new int[size];
        mask = size - 1;
        shift = 32 - Integer.numberOfTrailingZeros(size);
    }

    /** Maps a name to a value, replacing any earlier value of that name; returns the earlier value or −1. */
    public int put(String name, int value) {
        int slot = slot(name);
        String there = names[slot];
        names[slot] = name;
        int earlier = there == null ? -1 : values[slot];
        values[slot] = value;
        return earlier;
    }

    /** The value of a name, or −1 when it has none. */
    public int get(String name) {
        int slot = slot(name);
        return names[slot] == null ? -1 : values[slot];
    }

    /** The slot holding the name, or the empty slot where it would go. */
    private int slot(String name) {
        // Fibonacci hashing: sequential names (hashes one apart) land far apart instead of in one long run
        int i = (name.hashCode() * SPREAD) >>> shift;
        while (true) {
            String there = names[i];
            if (there == null || there.equals(name)) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }
}
