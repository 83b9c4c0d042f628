package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The final score of a {@code LIVE} match (RULES M1), or a walkover ({@code walkoverWinnerParticipantId}, also from
 * {@code SCHEDULED}: a side that does not turn up). Whether a penalties winner is needed (K3) is the tournament's
 * call, made in the same transaction.
 */
public record ResolveMatchCommand(
        @TargetAggregateIdentifier String matchId,
        Integer scoreA,
        Integer scoreB,
        String penaltiesWinnerParticipantId,
        String walkoverWinnerParticipantId) {
}
