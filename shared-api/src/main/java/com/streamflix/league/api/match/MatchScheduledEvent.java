package com.streamflix.league.api.match;

import java.time.Instant;

/** A new match, now {@code SCHEDULED} (RULES M1); player A is the home side; {@code matchday} null outside LEAGUE. */
public record MatchScheduledEvent(
        String matchId,
        String tournamentId,
        MatchPhase phase,
        Integer matchday,
        String playerAParticipantId,
        String playerAUserId,
        String playerBParticipantId,
        String playerBUserId,
        Instant scheduledAt) {
}
