package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The live score, only while {@code LIVE} (RULES M1). */
public record UpdateMatchScoreCommand(@TargetAggregateIdentifier String matchId, int scoreA, int scoreB) {
}
