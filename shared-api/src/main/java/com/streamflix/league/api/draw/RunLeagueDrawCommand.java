package com.streamflix.league.api.draw;

import com.streamflix.league.draw.Fixture;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Runs the league draw on a locked roster (RULES T1, D1–D4): {@code REGISTRATION_CLOSED → LEAGUE_PHASE}.
 * <p>
 * Players are user ids. {@code pots} (4 × 9, pot 1 first) must be exactly the roster; null means the seeding (R4:
 * first 9 confirmed = pot 1, ...). Exactly one of {@code seed} (our engine draws) and {@code fixtures} (a draw held
 * elsewhere, checked against D1 and once-per-matchday) is given; {@code seedSource} says who chose the seed. Matchday {@code n} is dated
 * {@code firstMatchdayAt + (n - 1) × matchdayInterval} (D4).
 */
public record RunLeagueDrawCommand(
        @TargetAggregateIdentifier String tournamentId,
        Long seed,
        SeedSource seedSource,
        List<List<String>> pots,
        List<Fixture> fixtures,
        Instant firstMatchdayAt,
        Duration matchdayInterval) {
}
