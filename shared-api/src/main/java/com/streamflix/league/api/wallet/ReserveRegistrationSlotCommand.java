package com.streamflix.league.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** RULES R1/R2: a user takes one of their max-active registration slots for a tournament; refused when banned or when all slots are taken. Idempotent per tournament. {@code login}: as the session says, followed like a login. */
public record ReserveRegistrationSlotCommand(@TargetAggregateIdentifier String userId, String login, String tournamentId, int maxActive) {
}
