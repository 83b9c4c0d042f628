package com.streamflix.league.api.tournament;

/** A {@code PENDING} registration is gone (RULES R3); the viewer may register again while registration is open. */
public record RegistrationWithdrawnEvent(String tournamentId, String userId) {
}
