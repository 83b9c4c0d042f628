package com.streamflix.league.api.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Opens a vote event (RULES V1) on a live league match whose players are {@code participantAId} and
 * {@code participantBId}; it closes at {@code endsAt} (V3). The caller has checked the match in the same transaction.
 */
public record StartVoteCommand(
        @TargetAggregateIdentifier String voteEventId,
        String matchId,
        String tournamentId,
        String participantAId,
        String participantBId,
        int pointsAward,
        long costPerVote,
        Instant startedAt,
        Instant endsAt) {
}
