package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the result of a {@code COMPLETED} match; the tournament decides whether it is still allowed. */
public record CorrectMatchResultCommand(
        @TargetAggregateIdentifier String matchId,
        int scoreA,
        int scoreB,
        String penaltiesWinnerParticipantId,
        String reason) {
}
