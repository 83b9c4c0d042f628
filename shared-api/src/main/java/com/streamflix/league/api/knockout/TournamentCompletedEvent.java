package com.streamflix.league.api.knockout;

import java.util.List;

/**
 * The final is decided: the tournament is {@code COMPLETED} and its winner {@code WINNER} (RULES K4, T1). Its
 * registrations stop counting toward anyone's cap (R2): {@code participantUserIds} are the roster's users.
 */
public record TournamentCompletedEvent(
        String tournamentId,
        String winnerParticipantId,
        String winnerUserId,
        String runnerUpParticipantId,
        List<String> participantUserIds) {
}
