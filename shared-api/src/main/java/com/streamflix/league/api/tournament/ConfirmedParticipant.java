package com.streamflix.league.api.tournament;

import com.streamflix.league.draw.Pots;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * One place in the roster (RULES R4): {@code seedPosition} 1–36 is the place in the admin's list, {@code pot} 1–4
 * follows from it (first 9 = pot 1, next 9 = pot 2, ...).
 */
public record ConfirmedParticipant(String participantId, String userId, int seedPosition, int pot) {

    /** The participant at {@code seedPosition} (1-based) of the confirmed list. */
    public static ConfirmedParticipant seeded(String tournamentId, String userId, int seedPosition) {
        return new ConfirmedParticipant(idOf(tournamentId, userId), userId, seedPosition,
                (seedPosition - 1) / Pots.SIZE + 1);
    }

    /**
     * A participant's id follows from the tournament and the user, so both sides (and a replay) derive the same id,
     * and a user id given where a participant id is expected (API.md, votes and predictions) can be resolved.
     */
    public static String idOf(String tournamentId, String userId) {
        return UUID.nameUUIDFromBytes((tournamentId + "/" + userId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
