package com.streamflix.league.api.draw;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The league draw as held (RULES D4), and the tournament is now {@code LEAGUE_PHASE} (T1). {@code pots} and the
 * fixtures' user ids are exactly what the engine took, so {@code LeagueDraw.draw(pots, seed)} re-runs it and gives
 * these fixtures in this order. {@code seed}, {@code seedSource} and {@code engineVersion} (which engine re-runs it) are null for an
 * {@code imported} draw (one held elsewhere). Fixtures are
 * sorted by matchday, then by the host's place in the pots; one {@code Match} is scheduled for each.
 */
public record LeagueDrawnEvent(
        String tournamentId,
        Long seed,
        SeedSource seedSource,
        String engineVersion,
        boolean imported,
        List<List<String>> pots,
        List<DrawnFixture> fixtures,
        Instant firstMatchdayAt,
        Duration matchdayInterval) {
}
