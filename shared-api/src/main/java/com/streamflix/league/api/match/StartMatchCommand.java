package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code SCHEDULED → LIVE} (RULES M1); the caller checks M2 with the tournament in the same transaction. */
public record StartMatchCommand(@TargetAggregateIdentifier String matchId) {
}
