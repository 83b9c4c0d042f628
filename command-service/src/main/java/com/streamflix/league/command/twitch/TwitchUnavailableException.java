package com.streamflix.league.command.twitch;

import java.time.Duration;

/** Twitch could not answer (down, rate-limited, or the broadcaster is not connected): 503 with a retry hint. */
public class TwitchUnavailableException extends RuntimeException {
    private final Duration retryAfter;

    public TwitchUnavailableException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
