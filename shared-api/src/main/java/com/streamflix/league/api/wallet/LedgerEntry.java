package com.streamflix.league.api.wallet;

/**
 * An entry of a wallet's ledger (RULES W3): a credit, a debit or a write-off. Each carries {@code chainHash}, the
 * hash of its content chained to the wallet's previous entry ({@link LedgerChain}), computed when the wallet applies
 * it, so the stored payload itself shows whether anything was changed, removed or inserted later. Entries recorded
 * before the chain existed have none.
 */
public sealed interface LedgerEntry permits WalletTransaction, PointsWrittenOffEvent {
    String userId();

    TransactionType type();

    /** Signed for credits and debits; the positive shortfall for a write-off. */
    long amount();

    /** What {@code amount} does to the balance: a write-off moves none. */
    long balanceChange();

    /** The balance after the entry, or null for a write-off. */
    Long balanceAfter();

    String reason();

    String relatedEntityId();

    String idempotencyKey();

    String chainHash();
}
