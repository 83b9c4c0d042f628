package com.streamflix.league.api.wallet;

/**
 * Points a reclaim could not take back, because the balance was lower (RULES P4, W2): the balance is unchanged; the
 * ledger records the shortfall for auditors. {@code amount} is positive. {@code chainHash}: see {@link LedgerEntry}.
 */
public record PointsWrittenOffEvent(
        String userId,
        TransactionType type,
        long amount,
        String reason,
        String relatedEntityId,
        String idempotencyKey,
        String chainHash) implements LedgerEntry {

    /** The write-off as it follows the entry whose hash is {@code previous}. */
    public PointsWrittenOffEvent chainedTo(String previous) {
        return new PointsWrittenOffEvent(userId, type, amount, reason, relatedEntityId, idempotencyKey,
                LedgerChain.hash(previous, this));
    }

    @Override
    public long balanceChange() {
        return 0;
    }

    @Override
    public Long balanceAfter() {
        return null;
    }
}
