package com.streamflix.league.query.tournament;

import com.streamflix.league.api.tournament.RegistrationStatus;
import com.streamflix.league.api.tournament.TournamentStatus;
import com.streamflix.league.support.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Tournaments as viewers and the admin read them (API.md, Reads): the public list and details, a viewer's own
 * registration status, and the admin's view of the registrations to pick the roster from (RULES R4).
 */
@RestController
public class TournamentController {
    /** What {@code my-registration-status} answers for a viewer without a registration. */
    static final String NOT_REGISTERED = "NOT_REGISTERED";

    private static final String TOURNAMENT_COLUMNS = """
            SELECT t.id, t.name, t.description, t.status, t.max_participants, t.starts_at, t.ends_at, t.created_at,
                   (SELECT count(*) FROM tournament_registrations r WHERE r.tournament_id = t.id),
                   (SELECT count(*) FROM tournament_registrations r WHERE r.tournament_id = t.id AND r.status = 'CONFIRMED'),
                   t.winner_participant_id
            FROM tournaments t""";
    private static final RowMapper<Tournament> TOURNAMENT = (rs, i) -> new Tournament(rs.getString(1),
            rs.getString(2), rs.getString(3), TournamentStatus.valueOf(rs.getString(4)), rs.getInt(5),
            instant(rs.getTimestamp(6)), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getLong(9),
            rs.getLong(10), rs.getString(11));

    private final JdbcTemplate jdbc;

    public TournamentController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code winnerParticipantId}: the champion once the tournament is {@code COMPLETED} (K4), else null. */
    public record Tournament(String id, String name, String description, TournamentStatus status,
                             int maxParticipants, Instant startsAt, Instant endsAt, Instant createdAt,
                             long registeredCount, long confirmedCount, String winnerParticipantId) {
    }

    public record MyRegistrationStatus(String status) {
    }

    public record Registration(String userId, String login, RegistrationStatus status, Instant registeredAt,
                               boolean banned) {
    }

    /** Newest first, optionally only those in one state. */
    @GetMapping("/api/tournaments")
    public Page<Tournament> tournaments(@RequestParam(required = false) TournamentStatus status,
                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String statusName = status == null ? null : status.name();
        var items = jdbc.query(TOURNAMENT_COLUMNS
                        + " WHERE t.status = coalesce(?, t.status) ORDER BY t.created_at DESC, t.id LIMIT ? OFFSET ?",
                TOURNAMENT, statusName, size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM tournaments WHERE status = coalesce(?, status)",
                Long.class, statusName);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    @GetMapping("/api/tournaments/{id}")
    public Tournament tournament(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id) {
        return jdbc.query(TOURNAMENT_COLUMNS + " WHERE t.id = ?", TOURNAMENT, id).stream().findFirst()
                .orElseThrow(() -> notFound(id));
    }

    /** The session is required; without one the answer is 401, since the path is otherwise public. */
    @GetMapping("/api/tournaments/{id}/my-registration-status")
    public MyRegistrationStatus myRegistrationStatus(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id, @AuthenticationPrincipal Jwt session) {
        if (session == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "A valid session cookie is required");
        }
        requireTournament(id);
        return new MyRegistrationStatus(jdbc.queryForList("""
                        SELECT status FROM tournament_registrations WHERE tournament_id = ? AND user_id = ?""",
                String.class, id, session.getSubject()).stream().findFirst().orElse(NOT_REGISTERED));
    }

    /** In registration order (first come first), with each registrant's current ban state (R1). */
    @GetMapping("/api/admin/tournaments/{id}/registrations")
    public Page<Registration> registrations(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id,
                                            @RequestParam(required = false) RegistrationStatus status,
                                            @RequestParam(defaultValue = "0") @Min(0) int page,
                                            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        requireTournament(id);
        String statusName = status == null ? null : status.name();
        var items = jdbc.query("""
                        SELECT r.user_id, u.twitch_username, r.status, r.registered_at, u.is_banned
                        FROM tournament_registrations r JOIN users u ON u.user_id = r.user_id
                        WHERE r.tournament_id = ? AND r.status = coalesce(?, r.status)
                        ORDER BY r.registered_at, r.id LIMIT ? OFFSET ?""",
                (rs, i) -> new Registration(rs.getString(1), rs.getString(2),
                        RegistrationStatus.valueOf(rs.getString(3)), instant(rs.getTimestamp(4)), rs.getBoolean(5)),
                id, statusName, size, (long) page * size);
        Long total = jdbc.queryForObject("""
                        SELECT count(*) FROM tournament_registrations
                        WHERE tournament_id = ? AND status = coalesce(?, status)""", Long.class, id, statusName);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    private void requireTournament(String id) {
        Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM tournaments WHERE id = ?)", Boolean.class, id);
        if (!Boolean.TRUE.equals(exists)) {
            throw notFound(id);
        }
    }

    private static ResponseStatusException notFound(String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No tournament " + id);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
