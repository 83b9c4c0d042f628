package com.streamflix.league.api.match;

import java.time.Instant;

public record MatchRescheduledEvent(String matchId, String tournamentId, Instant previousScheduledAt,
                                    Instant scheduledAt) {
}
