package com.streamflix.league.api.wallet;

public record RegistrationSlotReservedEvent(String userId, String tournamentId) {
}
