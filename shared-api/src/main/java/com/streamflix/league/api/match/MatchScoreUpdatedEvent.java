package com.streamflix.league.api.match;

/** A live score change (RULES M1), broadcast as {@code SCORE_UPDATE}. Player A is the home side. */
public record MatchScoreUpdatedEvent(String matchId, String tournamentId, int scoreA, int scoreB) {
}
