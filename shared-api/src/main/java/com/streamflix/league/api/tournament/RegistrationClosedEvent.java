package com.streamflix.league.api.tournament;

/** Now {@code AWAITING_SELECTION} (RULES T1). */
public record RegistrationClosedEvent(String tournamentId) {
}
