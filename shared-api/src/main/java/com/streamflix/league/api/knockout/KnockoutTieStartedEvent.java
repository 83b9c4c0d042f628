package com.streamflix.league.api.knockout;

/** The first match of a tie went live: the ties that fed it can no longer be corrected. */
public record KnockoutTieStartedEvent(String tournamentId, String slot, String matchId) {
}
