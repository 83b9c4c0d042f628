package com.streamflix.league.api.match;

/** A scheduled knockout match now opposes these participants (player A at home); see ChangeMatchParticipantsCommand. */
public record MatchParticipantsChangedEvent(
        String matchId,
        String tournamentId,
        String playerAParticipantId,
        String playerAUserId,
        String playerBParticipantId,
        String playerBUserId,
        String reason) {
}
