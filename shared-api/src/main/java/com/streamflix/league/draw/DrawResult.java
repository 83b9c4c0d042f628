package com.streamflix.league.draw;

import java.util.List;

/**
 * Everything needed to re-run and verify a draw (D4): the seed, the pots as drawn from, and the
 * 144 fixtures sorted by matchday, then by the host's place in the pots.
 */
public record DrawResult(long seed, List<List<String>> pots, List<Fixture> fixtures) {

    public DrawResult {
        pots = pots.stream().map(List::copyOf).toList();
        fixtures = List.copyOf(fixtures);
    }
}
