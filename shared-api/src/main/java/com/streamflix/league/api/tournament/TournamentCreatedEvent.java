package com.streamflix.league.api.tournament;

import java.time.Instant;

/** A tournament in {@code DRAFT}. {@code maxParticipants} is 36 (RULES T2). */
public record TournamentCreatedEvent(
        String tournamentId,
        String name,
        String description,
        Instant startsAt,
        Instant endsAt,
        int maxParticipants) {
}
