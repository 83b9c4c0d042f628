package com.streamflix.league.api.wallet;

public record UserUnbannedEvent(String userId, String reason) {
}
