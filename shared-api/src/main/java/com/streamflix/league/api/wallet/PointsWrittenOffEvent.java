package com.streamflix.league.api.wallet;

/**
 * Points a reclaim could not take back, because the balance was lower (RULES P4, W2): the balance is unchanged; the
 * ledger records the shortfall for auditors. {@code amount} is positive.
 */
public record PointsWrittenOffEvent(
        String userId,
        TransactionType type,
        long amount,
        String reason,
        String relatedEntityId,
        String idempotencyKey) {
}
