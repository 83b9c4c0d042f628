package com.streamflix.league.command.draw;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.api.draw.RunLeagueDrawCommand;
import com.streamflix.league.api.draw.SeedSource;
import com.streamflix.league.draw.Fixture;
import com.streamflix.league.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * {@code POST /api/admin/tournaments/{id}/run-league-draw} (RULES D1–D4): our engine's draw from a seed (given, or
 * picked here), or a draw held elsewhere given as {@code fixtures}. Refusals: 409 unless the roster is locked (T1),
 * 422 listing every violation for pots that are not the roster or fixtures that break D1 / once-per-matchday.
 */
@RestController
public class LeagueDrawController {
    static final String TOURNAMENT_ID = "[A-Za-z0-9-]{1,64}";
    static final Duration DEFAULT_MATCHDAY_INTERVAL = Duration.ofDays(7);
    /** Seeds picked here stay below 2^53, so JavaScript reads the JSON number exactly and a viewer can re-run it. */
    static final long PICKED_SEED_BOUND = 1L << 53;

    private final LeagueDraws draws;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LeagueDrawController(LeagueDraws draws, Clock clock) {
        this.draws = draws;
        this.clock = clock;
    }

    /**
     * Every part is optional. Players are user ids; {@code playerA} is the home side. {@code firstMatchdayAt}
     * defaults to now, truncated to the minute; {@code matchdayInterval} (ISO-8601, e.g. {@code "P7D"}) to 7 days.
     */
    public record DrawRequest(
            // JavaScript reads integers exactly only up to 2^53 - 1, and everyone must be able to re-run the draw
            @Min(0) @Max(9_007_199_254_740_991L) Long seed,
            @Size(max = 36) List<@NotNull @Size(max = 36) List<@NotBlank @Size(max = 64) String>> pots,
            @Size(max = 1000) List<@NotNull @Valid ImportedFixture> fixtures,
            Instant firstMatchdayAt,
            @DurationMin(minutes = 1) @DurationMax(days = 365) Duration matchdayInterval) {

        static final DrawRequest DEFAULTS = new DrawRequest(null, null, null, null, null);
    }

    /** A match of a draw held elsewhere; matchdays outside 1–8 are among the 422's violations. */
    public record ImportedFixture(@NotNull Integer matchday, @NotBlank @Size(max = 64) String playerA,
                                  @NotBlank @Size(max = 64) String playerB) {
    }

    /** {@code seed} is null (and present) for an imported draw. */
    public record Drawn(String tournamentId, @JsonInclude(JsonInclude.Include.ALWAYS) Long seed, boolean imported,
                        int matches, Instant firstMatchdayAt, Duration matchdayInterval) {
    }

    @PostMapping("/api/admin/tournaments/{tournamentId}/run-league-draw")
    public Drawn run(@PathVariable @Pattern(regexp = TOURNAMENT_ID) String tournamentId,
                     @Valid @RequestBody(required = false) DrawRequest body) {
        DrawRequest request = body == null ? DrawRequest.DEFAULTS : body;
        boolean imported = request.fixtures() != null;
        if (imported && request.seed() != null) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "Give a seed (our draw) or fixtures (a draw held elsewhere), not both").with("field", "seed");
        }
        Long seed = imported ? null : request.seed() != null ? request.seed() : random.nextLong(PICKED_SEED_BOUND);
        List<Fixture> fixtures = imported ? request.fixtures().stream()
                .map(f -> new Fixture(f.matchday(), f.playerA(), f.playerB())).toList() : null;
        Instant firstMatchdayAt = request.firstMatchdayAt() != null ? request.firstMatchdayAt()
                : clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Duration interval = request.matchdayInterval() != null ? request.matchdayInterval()
                : DEFAULT_MATCHDAY_INTERVAL;
        SeedSource source = imported ? null : request.seed() != null ? SeedSource.ADMIN : SeedSource.SERVER;
        LeagueDrawnEvent drawn = draws.run(new RunLeagueDrawCommand(tournamentId, seed, source, request.pots(),
                fixtures, firstMatchdayAt, interval));
        return new Drawn(tournamentId, drawn.seed(), drawn.imported(), drawn.fixtures().size(),
                drawn.firstMatchdayAt(), drawn.matchdayInterval());
    }
}
