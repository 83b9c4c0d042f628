package com.streamflix.league.api.wallet;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin bans a user (reason required); a banned user keeps earning but cannot register, vote or predict. */
public record BanUserCommand(@TargetAggregateIdentifier String userId, String reason) {
}
