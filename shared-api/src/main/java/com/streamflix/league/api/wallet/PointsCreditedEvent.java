package com.streamflix.league.api.wallet;

/** A credit: {@code amount} is positive. */
public record PointsCreditedEvent(
        String userId,
        TransactionType type,
        long amount,
        long balance,
        String reason,
        String relatedEntityId,
        String idempotencyKey) implements WalletTransaction {
}
