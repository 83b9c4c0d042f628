package com.streamflix.league.api.knockout;

import com.streamflix.league.knockout.Round;

import java.util.List;

/**
 * Both sides of knockout tie {@code slot} are known (RULES K2): {@code better} is the better-placed in the league
 * phase and hosts the second leg. Each leg is a match to schedule. Applied again for the same slot, with the same
 * match ids, when a corrected result changed who won a feeding tie ({@code recomposedBecause} says why).
 */
public record KnockoutTieCreatedEvent(
        String tournamentId,
        String slot,
        Round round,
        String betterParticipantId,
        String worseParticipantId,
        List<TieLeg> legs,
        String recomposedBecause) {
}
