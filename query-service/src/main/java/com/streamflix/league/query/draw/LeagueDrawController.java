package com.streamflix.league.query.draw;

import jakarta.validation.constraints.Pattern;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/tournaments/{id}/draw} (public, RULES D4): the seed, the pots and the fixtures, players named by
 * user id exactly as the engine takes them, so anyone can run {@code LeagueDraw.draw(pots, seed)} and compare.
 */
@RestController
public class LeagueDrawController {
    private static final TypeReference<List<List<String>>> POTS = new TypeReference<>() {
    };
    private static final TypeReference<List<Fixture>> FIXTURES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public LeagueDrawController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** One match of the draw: {@code playerA} hosts {@code playerB} (user ids). */
    public record Fixture(int matchday, String playerA, String playerB) {
    }

    /**
     * {@code seed}, {@code seedSource} (SERVER or ADMIN: who chose it) and {@code engineVersion} (the engine that
     * re-runs it) are null for a draw held elsewhere ({@code imported}).
     */
    public record Draw(String tournamentId, Long seed, String seedSource, String engineVersion, boolean imported,
                       List<List<String>> pots, List<Fixture> fixtures, Instant firstMatchdayAt,
                       Duration matchdayInterval, Instant drawnAt) {
    }

    /** 404 for an unknown tournament and for one not drawn yet. */
    @GetMapping("/api/tournaments/{id}/draw")
    public Draw draw(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id) {
        return jdbc.query("""
                        SELECT seed, seed_source, engine_version, imported, pots, fixtures, first_matchday_at,
                               matchday_interval_seconds, drawn_at
                        FROM league_draws WHERE tournament_id = ?""",
                (rs, i) -> new Draw(id, rs.getObject(1, Long.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        read(rs.getString(5), POTS), read(rs.getString(6), FIXTURES), rs.getTimestamp(7).toInstant(),
                        Duration.ofSeconds(rs.getLong(8)), rs.getTimestamp(9).toInstant()), id)
                .stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "No league draw for tournament " + id + " (yet)"));
    }

    private <T> T read(String column, TypeReference<T> type) {
        try {
            return json.readValue(column, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("league_draws holds JSON this service cannot read", e);
        }
    }
}
