package com.streamflix.league.api.tournament;

import java.util.List;

/**
 * The roster is locked: now {@code REGISTRATION_CLOSED} (RULES T1, R4). {@code participants} are in seeding order;
 * every other pending registrant, in registration order, is in {@code notSelectedUserIds}.
 */
public record ParticipantsConfirmedEvent(
        String tournamentId,
        List<ConfirmedParticipant> participants,
        List<String> notSelectedUserIds) {
}
