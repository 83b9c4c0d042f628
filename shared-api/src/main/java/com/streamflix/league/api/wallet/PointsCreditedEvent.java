package com.streamflix.league.api.wallet;

/** A credit: {@code amount} is positive. {@code chainHash}: see {@link LedgerEntry}. */
public record PointsCreditedEvent(
        String userId,
        TransactionType type,
        long amount,
        long balance,
        String reason,
        String relatedEntityId,
        String idempotencyKey,
        String chainHash) implements WalletTransaction {

    /** The credit as it follows the entry whose hash is {@code previous}. */
    public PointsCreditedEvent chainedTo(String previous) {
        return new PointsCreditedEvent(userId, type, amount, balance, reason, relatedEntityId, idempotencyKey,
                LedgerChain.hash(previous, this));
    }
}
