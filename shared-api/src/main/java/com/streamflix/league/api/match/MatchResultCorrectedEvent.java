package com.streamflix.league.api.match;

/**
 * An admin corrected a completed match's result. The original {@link MatchCompletedEvent} stays in the history;
 * this event carries both results and the reason, so whoever keeps state on results (standings, the bracket, the
 * prediction book) can undo {@code previous} and apply {@code corrected} without looking anything up.
 */
public record MatchResultCorrectedEvent(
        String matchId,
        String tournamentId,
        MatchPhase phase,
        String playerAParticipantId,
        String playerBParticipantId,
        MatchResult previous,
        MatchResult corrected,
        String reason) {
}
