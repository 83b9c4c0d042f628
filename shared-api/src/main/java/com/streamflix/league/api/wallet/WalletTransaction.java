package com.streamflix.league.api.wallet;

/**
 * What every balance change records (RULES W3): the ledger is the stream of these events.
 * {@code amount} is signed; {@code balance} is the balance after the change.
 */
public interface WalletTransaction {
    String userId();

    TransactionType type();

    long amount();

    long balance();

    String reason();

    String relatedEntityId();

    String idempotencyKey();
}
