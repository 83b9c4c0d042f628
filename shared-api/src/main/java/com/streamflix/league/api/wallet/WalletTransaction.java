package com.streamflix.league.api.wallet;

/**
 * What every balance change records (RULES W3): the ledger is the stream of these events.
 * {@code amount} is signed; {@code balance} is the balance after the change.
 */
public sealed interface WalletTransaction extends LedgerEntry permits PointsCreditedEvent, PointsDebitedEvent {
    String userId();

    TransactionType type();

    long amount();

    long balance();

    String reason();

    String relatedEntityId();

    String idempotencyKey();

    /** A credit or debit moves the balance by its amount. */
    @Override
    default long balanceChange() {
        return amount();
    }

    @Override
    default Long balanceAfter() {
        return balance();
    }
}
