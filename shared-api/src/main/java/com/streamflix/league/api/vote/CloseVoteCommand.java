package com.streamflix.league.api.vote;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The vote's deadline (RULES V3) with the final tallies, counted from every committed cast (V5). */
public record CloseVoteCommand(
        @TargetAggregateIdentifier String voteEventId,
        long votesA,
        long votesB,
        int voters) {
}
