package com.streamflix.league.api.vote;

/** {@code points} league points for {@code participantId} from a vote event (RULES V5): part of the table (S1). */
public record VoteBonusAwardedEvent(
        String tournamentId,
        String voteEventId,
        String matchId,
        String participantId,
        int points) {
}
