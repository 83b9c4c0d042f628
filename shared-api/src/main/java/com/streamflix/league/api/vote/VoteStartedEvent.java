package com.streamflix.league.api.vote;

import java.time.Instant;

/** A vote event is open (RULES V1) until {@code endsAt}; votes cost {@code costPerVote} points each. */
public record VoteStartedEvent(
        String voteEventId,
        String matchId,
        String tournamentId,
        String participantAId,
        String participantBId,
        int pointsAward,
        long costPerVote,
        Instant startedAt,
        Instant endsAt) {
}
