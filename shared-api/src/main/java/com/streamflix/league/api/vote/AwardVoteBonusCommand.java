package com.streamflix.league.api.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The league points a vote's winner earned (RULES V5, S1), counted by the tournament. */
public record AwardVoteBonusCommand(
        @TargetAggregateIdentifier String tournamentId,
        String voteEventId,
        String matchId,
        String participantId,
        int points) {
}
