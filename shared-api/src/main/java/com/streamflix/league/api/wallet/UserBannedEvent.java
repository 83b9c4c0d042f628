package com.streamflix.league.api.wallet;

/** Carries the reason; who banned is in the event metadata ({@code actor}). */
public record UserBannedEvent(String userId, String reason) {
}
