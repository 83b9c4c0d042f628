package com.streamflix.league.api.prediction;

/**
 * A prediction entered the match's book (RULES P1). {@code order} is its place in the book (0 = first), which
 * decides P2's rounding among equal wagers. The wager was debited in the same transaction (wallet key
 * {@code prediction-wager:<predictionId>}).
 */
public record PredictionPlacedEvent(
        String matchId,
        String tournamentId,
        String predictionId,
        String userId,
        String participantId,
        long wager,
        int order,
        PredictionPool pool) {
}
