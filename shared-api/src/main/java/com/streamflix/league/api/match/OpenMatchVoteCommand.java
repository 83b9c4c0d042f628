package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Asks a match to host a vote event until {@code endsAt} (RULES V1: a LIVE league match, one vote at a time). */
public record OpenMatchVoteCommand(
        @TargetAggregateIdentifier String matchId,
        String voteEventId,
        Instant endsAt) {
}
