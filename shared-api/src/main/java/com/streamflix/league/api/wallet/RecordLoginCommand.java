package com.streamflix.league.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records who signed in (creates the user on first login; follows renamed logins). */
public record RecordLoginCommand(@TargetAggregateIdentifier String userId, String login) {
}
