package com.streamflix.league.draw;

/**
 * The draw's guarantee that it always returns (D3), used only if the search has failed on every
 * opponent graph it was allowed to draw, which no seed tried so far has needed.
 *
 * <p>One fixed fixture list over 36 slots that meets D1 and D2 (checked by a test), named
 * pot letter and place: A1 is the first of pot 1, D9 the last of pot 4. The draw shuffles the
 * members of each pot into the slots. Both D1 and D2 speak only of pots, home/away and matchdays,
 * never of who is who, so every relabelling within pots is as valid as the template: this step
 * cannot fail. The price is fairness: only relabellings of this one schedule can come out of it,
 * which is why it is the last resort and not the method.
 *
 * <p>The template was found by {@link MatchdayScheduler} for the graph where, in each pot, member
 * i hosts member i + 1 (mod 9) and, for pots P before Q, P(i) hosts Q(i) and Q(i) hosts P(i + 1).
 */
final class LastResortSchedule {

    private static final String[] TEMPLATE = {
            "A4-D4 A5-C5 A7-D7 A8-D8 B1-A2 B2-A3 B5-A6 B8-A9 C3-C4 C6-B7 C8-B9 C9-A1 D1-C2 D2-B3 D3-B4 D5-B6 D6-C7 D9-C1",
            "A1-D1 A2-D2 A3-D3 A6-A7 A9-C9 B3-A4 B4-A5 B6-D6 B7-A8 B9-B1 C1-B2 C2-C3 C4-B5 C5-C6 C7-B8 D4-D5 D7-C8 D8-D9",
            "A1-B1 A5-D5 A6-B6 A8-C8 A9-B9 B2-B3 B5-C5 B7-C7 B8-D8 C1-C2 C3-B4 C4-D4 C6-A7 C9-D9 D1-A2 D2-A3 D3-A4 D6-D7",
            "A2-B2 A3-C3 A4-C4 A7-B7 B1-C1 B3-D3 B4-B5 B6-C6 B9-A1 C2-D2 C5-A6 C7-A8 C8-A9 D4-A5 D5-D6 D7-B8 D8-C9 D9-D1",
            "A1-C1 A2-C2 A3-B3 A6-C6 A7-C7 A9-D9 B4-D4 B5-B6 B8-C8 C3-A4 C4-A5 C5-D5 C9-B1 D1-B2 D2-D3 D6-B7 D7-A8 D8-B9",
            "A4-B4 A5-B5 A8-A9 B1-D1 B2-D2 B3-C3 B6-A7 B7-B8 B9-C9 C1-A2 C2-A3 C6-D6 C7-D7 C8-D8 D3-C4 D4-C5 D5-A6 D9-A1",
            "A1-A2 A3-A4 A5-A6 A8-B8 B1-B2 B4-C4 B7-D7 B9-D9 C2-B3 C3-D3 C5-B6 C7-C8 C9-C1 D1-D2 D4-B5 D5-C6 D6-A7 D8-A9",
            "A2-A3 A4-A5 A6-D6 A7-A8 A9-A1 B2-C2 B3-B4 B5-D5 B6-B7 B8-B9 C1-D1 C4-C5 C6-C7 C8-C9 D2-C3 D3-D4 D7-D8 D9-B1",
    };

    private LastResortSchedule() {
    }

    /**
     * The template with each pot's members shuffled into its slots.
     *
     */
    static Calendar relabelled(SplitMix64 random) {
        int[][] placeOf = new int[Pots.COUNT][];
        for (int pot = 0; pot < Pots.COUNT; pot++) {
            placeOf[pot] = random.permutation(Pots.SIZE);
        }
        int[] home = new int[OpponentGraph.MATCHES];
        int[] away = new int[OpponentGraph.MATCHES];
        int[] matchday = new int[OpponentGraph.MATCHES];
        int next = 0;
        for (int day = 0; day < TEMPLATE.length; day++) {
            for (String pair : TEMPLATE[day].split(" ")) {
                home[next] = slot(pair.substring(0, 2), placeOf);
                away[next] = slot(pair.substring(3, 5), placeOf);
                matchday[next] = day;
                next++;
            }
        }
        return new Calendar(home, away, matchday);
    }

    private static int slot(String name, int[][] placeOf) {
        int pot = name.charAt(0) - 'A';
        int place = name.charAt(1) - '1';
        return pot * Pots.SIZE + placeOf[pot][place];
    }
}
