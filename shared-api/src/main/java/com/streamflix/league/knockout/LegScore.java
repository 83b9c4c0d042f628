package com.streamflix.league.knockout;

import java.util.Objects;

/** One leg's score as played (RULES K3): home goals, away goals. For the final "home" is only the first-named. */
public record LegScore(String home, String away, int homeGoals, int awayGoals) {

    public LegScore {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(away, "away");
        if (home.equals(away)) {
            throw new IllegalArgumentException("a leg needs two different participants: " + home);
        }
        if (homeGoals < 0 || awayGoals < 0) {
            throw new IllegalArgumentException("goals cannot be negative: " + homeGoals + "-" + awayGoals);
        }
    }
}
