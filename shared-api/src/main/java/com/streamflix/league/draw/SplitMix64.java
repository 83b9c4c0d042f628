package com.streamflix.league.draw;

/**
 * The draw's only source of randomness: SplitMix64 (Steele, Lea and Flood, 2014), written out
 * here rather than taken from {@code java.util} so that the sequence is pinned by this file and
 * an auditor can re-implement it in any language (D4). Never seeded from the clock.
 */
final class SplitMix64 {

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** A seed for an independent stream, derived from a parent seed and a path of labels. */
    static long derive(long seed, long... path) {
        long derived = mix(seed);
        for (long label : path) {
            derived = mix(derived ^ mix(label + GOLDEN_GAMMA));
        }
        return derived;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, bound)}, without modulo bias (rejection of the incomplete last block). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        while (true) {
            long bits = nextLong() >>> 1;
            long value = bits % bound;
            if (bits - value + (bound - 1) >= 0) {
                return (int) value;
            }
        }
    }

    /** Fisher–Yates, from the last position down. */
    void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }

    int[] permutation(int size) {
        int[] values = new int[size];
        for (int i = 0; i < size; i++) {
            values[i] = i;
        }
        shuffle(values);
        return values;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
