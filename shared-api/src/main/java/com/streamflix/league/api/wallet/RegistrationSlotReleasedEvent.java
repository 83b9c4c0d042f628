package com.streamflix.league.api.wallet;

public record RegistrationSlotReleasedEvent(String userId, String tournamentId) {
}
