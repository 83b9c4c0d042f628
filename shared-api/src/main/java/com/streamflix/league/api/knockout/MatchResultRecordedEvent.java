package com.streamflix.league.api.knockout;

import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchResult;

/**
 * The tournament counted a result (a league match for the table, or a leg of knockout tie {@code slot}); the match's
 * own record is {@code MatchCompletedEvent} / {@code MatchResultCorrectedEvent}. A correction replaces the earlier
 * result of the same match ({@code correctionReason} set).
 */
public record MatchResultRecordedEvent(
        String tournamentId,
        String matchId,
        MatchPhase phase,
        String slot,
        String playerAParticipantId,
        String playerBParticipantId,
        MatchResult result,
        String correctionReason) {
}
