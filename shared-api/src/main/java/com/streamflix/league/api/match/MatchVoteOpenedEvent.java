package com.streamflix.league.api.match;

import java.time.Instant;

/** The match hosts a vote event until it is closed (RULES V1); its players are the vote's two sides. */
public record MatchVoteOpenedEvent(
        String matchId,
        String tournamentId,
        String voteEventId,
        String playerAParticipantId,
        String playerBParticipantId,
        Instant endsAt) {
}
