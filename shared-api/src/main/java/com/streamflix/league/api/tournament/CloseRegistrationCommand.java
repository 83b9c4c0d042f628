package com.streamflix.league.api.tournament;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code REGISTRATION_OPEN → AWAITING_SELECTION} (RULES T1): the admin now picks the roster. */
public record CloseRegistrationCommand(@TargetAggregateIdentifier String tournamentId) {
}
