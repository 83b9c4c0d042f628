package com.streamflix.league.query.tournament;

/** A participant's standing in the competition (RULES K4): still in it, knocked out, or the champion. */
public enum ParticipantStatus {
    ACTIVE, ELIMINATED, WINNER
}
