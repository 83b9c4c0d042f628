package com.streamflix.league.api.tournament;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens registration from {@code DRAFT}, or reopens it from {@code AWAITING_SELECTION} (RULES T1). */
public record OpenRegistrationCommand(@TargetAggregateIdentifier String tournamentId) {
}
