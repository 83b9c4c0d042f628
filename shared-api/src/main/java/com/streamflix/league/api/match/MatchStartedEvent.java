package com.streamflix.league.api.match;

/** The match is {@code LIVE} (RULES M1): its score may now be updated, and predictions are locked. */
public record MatchStartedEvent(
        String matchId,
        String tournamentId,
        MatchPhase phase,
        String playerAParticipantId,
        String playerBParticipantId) {
}
