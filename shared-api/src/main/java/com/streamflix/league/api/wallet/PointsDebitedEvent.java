package com.streamflix.league.api.wallet;

/** A debit: {@code amount} is negative (signed, as in the ledger). */
public record PointsDebitedEvent(
        String userId,
        TransactionType type,
        long amount,
        long balance,
        String reason,
        String relatedEntityId,
        String idempotencyKey) implements WalletTransaction {
}
