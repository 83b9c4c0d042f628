package com.streamflix.league.api.knockout;

import com.streamflix.league.api.draw.SeedSource;

import java.util.List;

/**
 * The league phase is over and the tournament is {@code KNOCKOUTS} (RULES T1, S3, K1). {@code ranking} is the final
 * table (participant ids, place 1 first, by the S2 comparator): places 1–8 go to the round of 16, 9–24 to the
 * play-offs, 25–36 ({@code eliminatedParticipantIds}) are out. {@code sideS} is the halves draw: with {@code seed},
 * {@code KnockoutBracket.draw(ranking, seed)} (engine {@code engineVersion}) re-runs it.
 */
public record KnockoutsSeededEvent(
        String tournamentId,
        List<String> ranking,
        List<String> eliminatedParticipantIds,
        long seed,
        SeedSource seedSource,
        String engineVersion,
        List<String> sideS) {
}
