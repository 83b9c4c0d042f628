package com.streamflix.league.api.match;

/** The match is {@code COMPLETED} with its final result (RULES M1); a walkover says so in {@code result}. */
public record MatchCompletedEvent(
        String matchId,
        String tournamentId,
        MatchPhase phase,
        String playerAParticipantId,
        String playerBParticipantId,
        MatchResult result) {
}
