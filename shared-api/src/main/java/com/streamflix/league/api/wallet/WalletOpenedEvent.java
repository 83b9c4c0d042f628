package com.streamflix.league.api.wallet;

/** The first time we see a user (one identity everywhere: the Twitch user id). */
public record WalletOpenedEvent(String userId, String login) {
}
