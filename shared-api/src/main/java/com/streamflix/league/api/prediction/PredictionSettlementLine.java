package com.streamflix.league.api.prediction;

/**
 * What one prediction receives in a settlement (a payout, P2, or a refund, P3; 0 for a losing prediction), or, in
 * {@code reversals}, what an earlier settlement paid it and a re-settlement takes back (P4).
 */
public record PredictionSettlementLine(String predictionId, String userId, String participantId, long wager,
                                       long amount) {
}
