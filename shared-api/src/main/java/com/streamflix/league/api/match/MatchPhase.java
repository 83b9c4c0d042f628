package com.streamflix.league.api.match;

import com.streamflix.league.knockout.Round;

/** Where a match belongs in the tournament (RULES D1, K1–K2); a match can only be played in its phase (M2). */
public enum MatchPhase {
    LEAGUE,
    PLAYOFF_LEG_1,
    PLAYOFF_LEG_2,
    ROUND_OF_16_LEG_1,
    ROUND_OF_16_LEG_2,
    QUARTER_FINAL_LEG_1,
    QUARTER_FINAL_LEG_2,
    SEMI_FINAL_LEG_1,
    SEMI_FINAL_LEG_2,
    FINAL;

    /** The phase of leg {@code leg} (1 or 2; the final has one match) of a tie in {@code round}. */
    public static MatchPhase of(Round round, int leg) {
        return switch (round) {
            case PLAYOFF -> leg == 1 ? PLAYOFF_LEG_1 : PLAYOFF_LEG_2;
            case ROUND_OF_16 -> leg == 1 ? ROUND_OF_16_LEG_1 : ROUND_OF_16_LEG_2;
            case QUARTER_FINAL -> leg == 1 ? QUARTER_FINAL_LEG_1 : QUARTER_FINAL_LEG_2;
            case SEMI_FINAL -> leg == 1 ? SEMI_FINAL_LEG_1 : SEMI_FINAL_LEG_2;
            case FINAL -> FINAL;
        };
    }

    public boolean isLeague() {
        return this == LEAGUE;
    }

    /** 1 for a first leg, the final and league matches; 2 for a second leg. */
    public int leg() {
        return name().endsWith("_LEG_2") ? 2 : 1;
    }
}
