package com.streamflix.league.api.knockout;

import com.streamflix.league.knockout.Round;

/**
 * Tie {@code slot} is decided (RULES K3): aggregate goals over its legs, no away-goals rule, a level aggregate by the
 * penalties winner. The loser is out (K4). Applied again, naming {@code correctionReason}, when a corrected result
 * changes the tie.
 */
public record KnockoutTieDecidedEvent(
        String tournamentId,
        String slot,
        Round round,
        String winnerParticipantId,
        String loserParticipantId,
        int winnerAggregate,
        int loserAggregate,
        String penaltiesWinnerParticipantId,
        String correctionReason) {
}
