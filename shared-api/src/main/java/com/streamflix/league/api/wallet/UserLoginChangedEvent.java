package com.streamflix.league.api.wallet;

/** Twitch logins can be renamed; the user id stays. */
public record UserLoginChangedEvent(String userId, String login) {
}
