package com.streamflix.league.query.match;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Matches as viewers follow them (public, API.md; RULES M1, K2, K3): {@code GET /api/tournaments/{id}/matches}, a
 * tournament's matches with the players' names, by matchday (league matches first), then kick-off, then id; and
 * {@code GET /api/matches/{id}}, one match. Both say whether a result was a walkover or corrected, and which knockout
 * tie a leg belongs to.
 */
@RestController
public class MatchController {
    private static final String MATCH_COLUMNS = """
            SELECT m.id, m.phase, m.matchday, m.status,
                   pa.id, pa.user_id, ua.twitch_username, pb.id, pb.user_id, ub.twitch_username,
                   m.player_a_score, m.player_b_score, m.winner_participant_id, m.scheduled_at,
                   m.walkover_winner_participant_id, m.penalties_winner_participant_id, kt.slot,
                   m.correction_reason, m.corrected_at, m.started_at, m.completed_at, m.tournament_id
            FROM matches m
            JOIN tournament_participants pa ON pa.id = m.player_a_participant_id
            JOIN users ua ON ua.user_id = pa.user_id
            JOIN tournament_participants pb ON pb.id = m.player_b_participant_id
            JOIN users ub ON ub.user_id = pb.user_id
            LEFT JOIN knockout_ties kt ON m.id IN (kt.leg1_match_id, kt.leg2_match_id)""";

    private final JdbcTemplate jdbc;

    public MatchController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Player(String participantId, String userId, String login) {
    }

    /**
     * Player A is the home side (for the final, the first-named). Scores are the live score while {@code LIVE} (0–0
     * at kick-off) and the final one once {@code COMPLETED}; they, the winner and every time below are null (and
     * present) until the match has them. {@code walkover}: the result is a forfeit, recorded as 3–0 for the winner.
     * {@code penaltiesWinnerParticipantId}: the shoot-out that decided a level tie with this match (K3). {@code
     * tieSlot}: the knockout tie (PO-S1 .. FINAL), null for a league match. {@code corrected}: an admin corrected the
     * result, {@code correctionReason} and {@code correctedAt} say why and when (the latest correction).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Match(String id, MatchPhase phase, Integer matchday, MatchStatus status, Player playerA,
                        Player playerB, Integer scoreA, Integer scoreB, String winnerParticipantId,
                        Instant scheduledAt, boolean walkover, String penaltiesWinnerParticipantId, String tieSlot,
                        boolean corrected, String correctionReason, Instant correctedAt, Instant startedAt,
                        Instant completedAt, String tournamentId) {
    }

    public record Matches(List<Match> items) {
    }

    /**
     * @param matchday    only this league matchday (1–8)
     * @param participant only the matches of this player, named by participant id or by user id
     */
    /** One snapshot of the read model: its queries never see two different moments of the projection. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @GetMapping("/api/tournaments/{id}/matches")
    public Matches matches(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id,
                           @RequestParam(required = false) @Min(1) @Max(8) Integer matchday,
                           @RequestParam(required = false) @Size(min = 1, max = 64) String participant) {
        Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM tournaments WHERE id = ?)", Boolean.class, id);
        if (!Boolean.TRUE.equals(exists)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No tournament " + id);
        }
        return new Matches(jdbc.query(MATCH_COLUMNS + """

                        WHERE m.tournament_id = ?
                          AND (CAST(? AS INTEGER) IS NULL OR m.matchday = ?)
                          AND (CAST(? AS VARCHAR) IS NULL OR ? IN (pa.id, pa.user_id, pb.id, pb.user_id))
                        ORDER BY m.matchday NULLS LAST, m.scheduled_at, m.id""",
                (rs, i) -> match(rs), id, matchday, matchday, participant, participant));
    }

    @GetMapping("/api/matches/{id}")
    public Match match(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id) {
        return jdbc.query(MATCH_COLUMNS + " WHERE m.id = ?", (rs, i) -> match(rs), id).stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No match " + id));
    }

    private static Match match(ResultSet rs) throws SQLException {
        return new Match(rs.getString(1), MatchPhase.valueOf(rs.getString(2)), rs.getObject(3, Integer.class),
                MatchStatus.valueOf(rs.getString(4)), new Player(rs.getString(5), rs.getString(6), rs.getString(7)),
                new Player(rs.getString(8), rs.getString(9), rs.getString(10)), rs.getObject(11, Integer.class),
                rs.getObject(12, Integer.class), rs.getString(13), instant(rs.getTimestamp(14)),
                rs.getString(15) != null, rs.getString(16), rs.getString(17), rs.getString(18) != null,
                rs.getString(18), instant(rs.getTimestamp(19)), instant(rs.getTimestamp(20)),
                instant(rs.getTimestamp(21)), rs.getString(22));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
