package com.streamflix.league.api.match;

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
    FINAL
}
