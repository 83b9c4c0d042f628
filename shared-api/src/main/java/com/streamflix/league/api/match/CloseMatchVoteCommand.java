package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The match's vote event closed: another may start, and the match may be resolved. */
public record CloseMatchVoteCommand(
        @TargetAggregateIdentifier String matchId,
        String voteEventId) {
}
