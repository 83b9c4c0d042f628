package com.streamflix.league.api.vote;

/**
 * A vote event closed (RULES V4, V5) with its final tallies. {@code winnerParticipantId} has strictly more votes and
 * gets {@code pointsAward} league points; null on a tie (no votes included), and then every voter is refunded.
 */
public record VoteEndedEvent(
        String voteEventId,
        String matchId,
        String tournamentId,
        String participantAId,
        String participantBId,
        long votesA,
        long votesB,
        int voters,
        String winnerParticipantId,
        int pointsAward) {

    public boolean tie() {
        return winnerParticipantId == null;
    }
}
