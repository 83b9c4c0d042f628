package com.streamflix.league.api.tournament;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the tournament, recording nothing, whether a user may register (RULES R3): it returns the user's existing
 * registration's {@link RegistrationStatus}, or null when a new registration is possible now, and refuses
 * (TournamentStateException) when registration is not open. Lets a repeat be answered, and a closed or unknown
 * tournament be refused, before anyone asks Twitch.
 */
public record CheckRegistrationCommand(@TargetAggregateIdentifier String tournamentId, String userId) {
}
