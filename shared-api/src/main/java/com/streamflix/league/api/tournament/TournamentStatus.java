package com.streamflix.league.api.tournament;

/** The lifecycle of RULES T1, in order. Only the transitions T1 names are allowed. */
public enum TournamentStatus {
    DRAFT,
    REGISTRATION_OPEN,
    AWAITING_SELECTION,
    REGISTRATION_CLOSED,
    LEAGUE_PHASE,
    KNOCKOUTS,
    COMPLETED
}
