package com.streamflix.league.predictions;

/**
 * What one prediction receives in a settlement: a payout (P2) or a refund (P3). {@code amount} may be 0 for a losing
 * prediction; the entry is still there so that every prediction of the book is accounted for.
 */
public record Payout(String predictionId, String userId, long amount) {
}
