package com.streamflix.league.api.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A viewer buys {@code votes} votes for {@code participantId} (RULES V2), paid from their wallet: the wallet records
 * the debit and the votes as one append, so neither stands without the other. {@code castId} names this purchase.
 */
public record CastVotesCommand(
        @TargetAggregateIdentifier String userId,
        String castId,
        String voteEventId,
        String matchId,
        String participantId,
        int votes,
        long costPerVote) {
}
