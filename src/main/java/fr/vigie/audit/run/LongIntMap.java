package fr.vigie.audit.run;

import java.util.Arrays;

/**
 * An open-addressing map from 64-bit keys to ints, compact enough to remember every deal id of a
 * million-deal run (about 24 bytes per deal) for duplicate detection.
 */
final class LongIntMap {

    private static final long EMPTY = 0L;
    private long[] keys = new long[1 << 12];
    private int[] values = new int[1 << 12];
    private int size;

    /** Puts the value if the key is absent and returns -1; returns the existing value otherwise. */
    int putIfAbsent(long key, int value) {
        long k = key == EMPTY ? 1L : key;
        if (size * 2 >= keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = (int) mix(k) & mask;
        while (keys[slot] != EMPTY) {
            if (keys[slot] == k) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        keys[slot] = k;
        values[slot] = value;
        size++;
        return -1;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                putIfAbsent(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    int size() {
        return size;
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        size = 0;
    }
}
