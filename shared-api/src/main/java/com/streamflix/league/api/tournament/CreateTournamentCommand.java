package com.streamflix.league.api.tournament;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Creates a tournament in {@code DRAFT} (RULES T1). {@code description} and the dates are optional (null). */
public record CreateTournamentCommand(
        @TargetAggregateIdentifier String tournamentId,
        String name,
        String description,
        Instant startsAt,
        Instant endsAt) {
}
