package com.streamflix.league.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes points from a wallet; refused when the balance is too low (RULES W2). Idempotent on the key. */
public record DebitPointsCommand(
        @TargetAggregateIdentifier String userId,
        long amount,
        TransactionType type,
        String reason,
        String relatedEntityId,
        String idempotencyKey) {
}
