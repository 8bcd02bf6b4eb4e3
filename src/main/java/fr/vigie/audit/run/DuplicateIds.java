package fr.vigie.audit.run;

import java.nio.charset.StandardCharsets;

/**
 * Remembers the deal ids seen so far, as 64-bit hashes with the line they were first seen on. Two
 * different ids share a hash with a probability of about 1 in 10^7 over a million deals.
 */
final class DuplicateIds {

    private final LongIntMap seen = new LongIntMap();

    /** Records {@code id} at {@code line}; returns the line it was first seen on, or -1 if new. */
    int firstLine(String id, int line) {
        return seen.putIfAbsent(hash(id), line);
    }

    static long hash(String id) {
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        long h2 = 0x9E3779B97F4A7C15L;
        for (byte b : bytes) {
            h2 = (h2 + (b & 0xff)) * 0xBF58476D1CE4E5B9L;
            h2 ^= h2 >>> 31;
        }
        return h ^ Long.rotateLeft(h2, 29);
    }
}
