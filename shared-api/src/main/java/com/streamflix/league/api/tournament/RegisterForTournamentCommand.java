package com.streamflix.league.api.tournament;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A viewer registers while registration is open (RULES R3). The caller has already checked R1 (subscriber, not
 * banned) and R2 (the cap). A repeat is answered with the existing registration: the handler returns the
 * registration's {@link RegistrationStatus} and records nothing new. {@code login} is the Twitch login as last seen.
 */
public record RegisterForTournamentCommand(
        @TargetAggregateIdentifier String tournamentId,
        String userId,
        String login) {
}
