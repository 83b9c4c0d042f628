package com.streamflix.league.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin lifts a ban. */
public record UnbanUserCommand(@TargetAggregateIdentifier String userId, String reason) {
}
