package com.streamflix.league.api.tournament;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A viewer withdraws while registration is open (RULES R3). Withdrawing without a registration is a no-op, so a
 * retried {@code DELETE} succeeds; outside {@code REGISTRATION_OPEN} it is refused.
 */
public record WithdrawRegistrationCommand(
        @TargetAggregateIdentifier String tournamentId,
        String userId) {
}
