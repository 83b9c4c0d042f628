package com.streamflix.league.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Frees the slot a tournament held (withdrawn, not selected, or the tournament completed). Idempotent. */
public record ReleaseRegistrationSlotCommand(@TargetAggregateIdentifier String userId, String tournamentId) {
}
