package com.streamflix.league.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Takes back up to {@code amount} points credited earlier (RULES P4): as much as the balance allows, never below zero
 * (W2); what cannot be taken back is written off ({@link PointsWrittenOffEvent}) and shown to auditors as such.
 * Idempotent on the key.
 */
public record ReclaimPointsCommand(
        @TargetAggregateIdentifier String userId,
        long amount,
        TransactionType type,
        String reason,
        String relatedEntityId,
        String idempotencyKey) {
}
