package com.streamflix.league.api.tournament;

/** A new {@code PENDING} registration (RULES R3). {@code login} is the Twitch login at registration, or null. */
public record PlayerRegisteredEvent(String tournamentId, String userId, String login) {
}
