package com.streamflix.league.query.prediction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.predictions.Outcome;
import com.streamflix.league.predictions.Parimutuel;
import com.streamflix.league.support.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
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

/**
 * Predictions as viewers read them (API.md, RULES P1–P4): a match's book ({@code GET /api/matches/{id}/predictions},
 * public) and the signed-in viewer's own predictions ({@code GET /api/users/me/predictions}). Both answer 404 while
 * the kill switch is off ({@link PredictionProperties}).
 */
@RestController
public class PredictionController {
    private final JdbcTemplate jdbc;
    private final PredictionProperties predictions;

    public PredictionController(JdbcTemplate jdbc, PredictionProperties predictions) {
        this.jdbc = jdbc;
        this.predictions = predictions;
    }

    /**
     * A match's book. Pools and counts per side (A is the match's player A); {@code oddsA}/{@code oddsB}: the implied
     * decimal odds, pool / side's pool ({@link Parimutuel#impliedOdds}), null while nobody backs the side. Once
     * settled: the winner (null for a draw), how it was settled (P2 {@code PAID}, or a P3 refund) and the round (1;
     * each P4 re-settlement adds one; 0 before settlement). A match nobody predicted on has an empty book, open while
     * the match is scheduled and locked from kick-off (P1).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Book(String matchId, BookStatus status, long poolA, long poolB, int countA, int countB, Double oddsA,
                       Double oddsB, String winnerParticipantId, Outcome outcome, int round) {
    }

    /**
     * One of my predictions: the participant picked, the wager, and how the latest settlement round left it: {@code
     * payout} is what that round pays or refunds (0 when lost, null until settled); {@code reversed} is what P4
     * re-settlements took back of earlier rounds' payouts or refunds, of which {@code writtenOff} could not be taken
     * back because the balance was too low (W2).
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MyPrediction(String id, String matchId, String tournamentId, String participantId, long wager,
                               PredictionStatus status, Long payout, long reversed, long writtenOff, Outcome outcome,
                               Instant createdAt, Instant settledAt) {
    }

    @GetMapping("/api/matches/{id}/predictions")
    public Book book(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id) {
        predictions.requireEnabled();
        return jdbc.query("""
                        SELECT m.id, m.status, b.status, b.pool_a, b.pool_b, b.count_a, b.count_b,
                               b.winner_participant_id, b.outcome, b.round
                        FROM matches m LEFT JOIN prediction_books b ON b.match_id = m.id
                        WHERE m.id = ?""", (rs, i) -> book(rs), id)
                .stream().findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No match " + id));
    }

    /** Newest first (then by id, for predictions placed at the same instant). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @GetMapping("/api/users/me/predictions")
    public Page<MyPrediction> mine(@AuthenticationPrincipal Jwt session,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        predictions.requireEnabled();
        String userId = session.getSubject();
        var items = jdbc.query("""
                        SELECT id, match_id, tournament_id, predicted_winner_participant_id, points_wagered, status,
                               payout, reversed, written_off, outcome, created_at, settled_at
                        FROM predictions WHERE user_id = ?
                        ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new MyPrediction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), PredictionStatus.valueOf(rs.getString(6)), rs.getObject(7, Long.class),
                        rs.getLong(8), rs.getLong(9), outcome(rs.getString(10)), instant(rs.getTimestamp(11)),
                        instant(rs.getTimestamp(12))),
                userId, size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM predictions WHERE user_id = ?", Long.class, userId);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }

    private static Book book(ResultSet rs) throws SQLException {
        String matchId = rs.getString(1);
        if (rs.getString(3) == null) {
            BookStatus status = MatchStatus.valueOf(rs.getString(2)) == MatchStatus.SCHEDULED
                    ? BookStatus.OPEN : BookStatus.LOCKED;
            return new Book(matchId, status, 0, 0, 0, 0, null, null, null, null, 0);
        }
        long poolA = rs.getLong(4);
        long poolB = rs.getLong(5);
        return new Book(matchId, BookStatus.valueOf(rs.getString(3)), poolA, poolB, rs.getInt(6), rs.getInt(7),
                Parimutuel.impliedOdds(poolA, poolB, true), Parimutuel.impliedOdds(poolA, poolB, false),
                rs.getString(8), outcome(rs.getString(9)), rs.getInt(10));
    }

    private static Outcome outcome(String name) {
        return name == null ? null : Outcome.valueOf(name);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
