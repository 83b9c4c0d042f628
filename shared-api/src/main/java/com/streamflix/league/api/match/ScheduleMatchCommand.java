package com.streamflix.league.api.match;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Creates a {@code SCHEDULED} match (RULES M1). Player A is the home side (the final has none: K2).
 * {@code matchday} (1–8) is given for {@code LEAGUE} matches only. Participants are named by participant id and,
 * for reads and re-checks, by user id.
 */
public record ScheduleMatchCommand(
        @TargetAggregateIdentifier String matchId,
        String tournamentId,
        MatchPhase phase,
        Integer matchday,
        String playerAParticipantId,
        String playerAUserId,
        String playerBParticipantId,
        String playerBUserId,
        Instant scheduledAt) {
}
