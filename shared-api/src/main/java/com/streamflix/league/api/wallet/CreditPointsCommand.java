package com.streamflix.league.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Adds points to a user's wallet (RULES W1). {@code idempotencyKey} makes a repeat a no-op: for a
 * Twitch redemption it is the redemption id. {@code login} is the Twitch login as last seen, or null.
 */
public record CreditPointsCommand(
        @TargetAggregateIdentifier String userId,
        String login,
        long amount,
        TransactionType type,
        String reason,
        String relatedEntityId,
        String idempotencyKey) {
}
