package com.streamflix.league.api.tournament;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The admin's roster (RULES R4): exactly 36 distinct user ids with a {@code PENDING} registration, in seeding
 * order (first 9 = pot 1, next 9 = pot 2, ...).
 */
public record ConfirmParticipantsCommand(
        @TargetAggregateIdentifier String tournamentId,
        List<String> userIds) {
}
