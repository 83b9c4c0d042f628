package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A new kick-off for a {@code SCHEDULED} match. */
public record RescheduleMatchCommand(@TargetAggregateIdentifier String matchId, Instant scheduledAt) {
}
