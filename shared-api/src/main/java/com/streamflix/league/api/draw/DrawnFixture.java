package com.streamflix.league.api.draw;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** One league-phase match of a draw: the home side hosts the away side on {@code matchday} (1–8). */
public record DrawnFixture(
        String matchId,
        int matchday,
        String homeParticipantId,
        String homeUserId,
        String awayParticipantId,
        String awayUserId,
        Instant scheduledAt) {

    /** A league match's id follows from the tournament, the matchday and the two sides, as participants' ids do. */
    public static String matchIdOf(String tournamentId, int matchday, String homeParticipantId,
                                   String awayParticipantId) {
        String name = tournamentId + "/" + matchday + "/" + homeParticipantId + "/" + awayParticipantId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
