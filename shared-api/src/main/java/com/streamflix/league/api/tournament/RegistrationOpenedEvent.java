package com.streamflix.league.api.tournament;

/** Now {@code REGISTRATION_OPEN}; {@code reopened} when it came back from {@code AWAITING_SELECTION} (RULES T1). */
public record RegistrationOpenedEvent(String tournamentId, boolean reopened) {
}
