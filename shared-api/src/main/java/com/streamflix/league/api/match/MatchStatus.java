package com.streamflix.league.api.match;

/** A match's lifecycle (RULES M1), in order. */
public enum MatchStatus {
    SCHEDULED,
    LIVE,
    COMPLETED
}
