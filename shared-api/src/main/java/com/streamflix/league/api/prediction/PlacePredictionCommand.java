package com.streamflix.league.api.prediction;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A viewer's prediction on a {@code SCHEDULED} match (RULES P1): {@code participantId} (or the player's user id)
 * wins, {@code wager} points on it. One per user per match. The caller debits the wager in the same transaction.
 */
public record PlacePredictionCommand(
        @TargetAggregateIdentifier String matchId,
        String predictionId,
        String userId,
        String participantId,
        long wager) {
}
