package com.streamflix.league.api.wallet;

/** A debit: {@code amount} is negative (signed, as in the ledger). {@code chainHash}: see {@link LedgerEntry}. */
public record PointsDebitedEvent(
        String userId,
        TransactionType type,
        long amount,
        long balance,
        String reason,
        String relatedEntityId,
        String idempotencyKey,
        String chainHash) implements WalletTransaction {

    /** The debit as it follows the entry whose hash is {@code previous}. */
    public PointsDebitedEvent chainedTo(String previous) {
        return new PointsDebitedEvent(userId, type, amount, balance, reason, relatedEntityId, idempotencyKey,
                LedgerChain.hash(previous, this));
    }
}
