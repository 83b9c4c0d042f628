package com.streamflix.league.api.knockout;

import com.streamflix.league.api.match.MatchPhase;

import java.time.Instant;

/** One match of a knockout tie (the final has one, with its first-named side as player A). */
public record TieLeg(
        String matchId,
        MatchPhase phase,
        String homeParticipantId,
        String homeUserId,
        String awayParticipantId,
        String awayUserId,
        Instant scheduledAt) {
}
