package com.streamflix.league.api.match;

/** The vote event the match hosted has closed (RULES V3). */
public record MatchVoteClosedEvent(
        String matchId,
        String voteEventId) {
}
