package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Puts other participants into a {@code SCHEDULED} knockout match: a corrected result changed who won the tie that
 * feeds it (the tournament allows that only before this tie starts).
 */
public record ChangeMatchParticipantsCommand(
        @TargetAggregateIdentifier String matchId,
        String playerAParticipantId,
        String playerAUserId,
        String playerBParticipantId,
        String playerBUserId,
        String reason) {
}
