package com.streamflix.league.draw;

/**
 * Who hosts whom (D1), as 144 matches between participant slots, drawn uniformly among all the
 * opponent sets D1 allows (D5).
 *
 * <p>D1 splits into independent pieces, and a uniform draw of each piece gives a uniform draw of
 * the whole, because every combination of pieces is a valid set and every valid set is exactly
 * one combination:
 * <ul>
 *   <li>within a pot, "who hosts whom" is a permutation of its 9 members where everyone hosts
 *   one and visits one, nobody hosts themself (no fixed point) and no two host each other (no
 *   2-cycle, which would be one pair twice). Drawn by rejection: uniform permutations until one
 *   has every cycle of length 3 or more (80,864 of the 9! qualify, so about 4.5 tries);</li>
 *   <li>between pots P and Q, "P hosts Q" and "Q hosts P" are two one-to-one pairings that share
 *   no pair. Drawn as a uniform pairing {@code sigma}, then uniform pairings {@code tau} until
 *   none of its pairs is one of {@code sigma}'s. Every {@code sigma} has the same number of
 *   such {@code tau} (the derangements of 9), so the pair is uniform; about e tries.</li>
 * </ul>
 * Rejection keeps the arithmetic exact: no weights, no floating point.
 */
record OpponentGraph(int[] home, int[] away) {

    static final int MATCHES = Pots.PARTICIPANTS * 8 / 2;

    static OpponentGraph sample(SplitMix64 random) {
        int[] home = new int[MATCHES];
        int[] away = new int[MATCHES];
        int next = 0;
        for (int pot = 0; pot < Pots.COUNT; pot++) {
            int[] hosts = withinPotPermutation(random);
            for (int place = 0; place < Pots.SIZE; place++) {
                home[next] = slot(pot, place);
                away[next] = slot(pot, hosts[place]);
                next++;
            }
        }
        for (int p = 0; p < Pots.COUNT; p++) {
            for (int q = p + 1; q < Pots.COUNT; q++) {
                int[] sigma = random.permutation(Pots.SIZE);
                int[] tau = disjointPairing(sigma, random);
                for (int place = 0; place < Pots.SIZE; place++) {
                    home[next] = slot(p, place);
                    away[next] = slot(q, sigma[place]);
                    next++;
                    home[next] = slot(q, tau[place]);
                    away[next] = slot(p, place);
                    next++;
                }
            }
        }
        return new OpponentGraph(home, away);
    }

    /** {@code hosts[i]}: whom member i hosts. Uniform among permutations with all cycles >= 3. */
    static int[] withinPotPermutation(SplitMix64 random) {
        while (true) {
            int[] hosts = random.permutation(Pots.SIZE);
            if (shortestCycle(hosts) >= 3) {
                return hosts;
            }
        }
    }

    /** Uniform among the pairings that never pair i with {@code sigma[i]}. */
    static int[] disjointPairing(int[] sigma, SplitMix64 random) {
        while (true) {
            int[] tau = random.permutation(Pots.SIZE);
            boolean disjoint = true;
            for (int i = 0; i < tau.length && disjoint; i++) {
                disjoint = tau[i] != sigma[i];
            }
            if (disjoint) {
                return tau;
            }
        }
    }

    private static int shortestCycle(int[] permutation) {
        int shortest = Integer.MAX_VALUE;
        for (int i = 0; i < permutation.length; i++) {
            int length = 1;
            for (int j = permutation[i]; j != i; j = permutation[j]) {
                length++;
            }
            shortest = Math.min(shortest, length);
        }
        return shortest;
    }

    private static int slot(int pot, int place) {
        return pot * Pots.SIZE + place;
    }
}
