package com.streamflix.league.query.prediction;

import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.api.prediction.PredictionSettlementLine;
import com.streamflix.league.api.wallet.PointsWrittenOffEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.predictions.Outcome;
import com.streamflix.league.query.tournament.TournamentProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Match predictions (RULES P1–P4) into {@code predictions} (one row per prediction, with the settlement round it
 * shows) and {@code prediction_books} (one per match: pools and counts per side, then the settlement).
 * <p>
 * Rows point to the match and its participants, so this runs in the tournaments' processing group, in event order
 * after the schedule that created them; the predictor's {@code users} row comes from the wallet's projection (another
 * processor), so a placeholder is inserted as {@code TournamentProjection} does. The write-offs of P4 reversals are
 * wallet events, appended after the settlement that asked for them, so in this processor they find their prediction.
 * <p>
 * Idempotent, so a replay or a redelivery gives the same rows: a prediction inserts once (by id); the book's running
 * pool only moves to a later one (more predictions); a lock only closes an open book; a settlement round applies to a
 * book and to each prediction only if it is later than the round they show (so round 1 redelivered after a P4 round 2
 * changes nothing, and a round's reversals are counted once); a write-off counts once (by event id).
 */
@Component
@ProcessingGroup(TournamentProjection.PROCESSING_GROUP)
public class PredictionProjection {
    private static final String REVERSAL_KEY = "prediction-reversal:";

    private final JdbcTemplate jdbc;

    public PredictionProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** P1: a prediction entered the book, on side A or B of the match; the book's pool now includes it. */
    @EventHandler
    void on(PredictionPlacedEvent event, EventMessage<?> message) {
        Timestamp at = Timestamp.from(message.getTimestamp());
        if (!Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM predictions WHERE id = ?)",
                Boolean.class, event.predictionId()))) {
            insert(event, at);
        }
        PredictionPool pool = event.pool();
        jdbc.update("""
                        INSERT INTO prediction_books (match_id, tournament_id, status, pool_a, pool_b, count_a, count_b,
                                                      updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (match_id) DO UPDATE SET pool_a = excluded.pool_a, pool_b = excluded.pool_b,
                            count_a = excluded.count_a, count_b = excluded.count_b, updated_at = excluded.updated_at
                        WHERE prediction_books.count_a + prediction_books.count_b
                              < excluded.count_a + excluded.count_b""",
                event.matchId(), event.tournamentId(), BookStatus.OPEN.name(), pool.poolA(), pool.poolB(),
                pool.countA(), pool.countB(), at);
    }

    /** P1, M1: kick-off closed the book, with its final pool per side. */
    @EventHandler
    void on(PredictionBookLockedEvent event, EventMessage<?> message) {
        Timestamp at = Timestamp.from(message.getTimestamp());
        PredictionPool pool = event.pool();
        jdbc.update("""
                        INSERT INTO prediction_books (match_id, tournament_id, status, pool_a, pool_b, count_a, count_b,
                                                      locked_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (match_id) DO UPDATE SET status = excluded.status, pool_a = excluded.pool_a,
                            pool_b = excluded.pool_b, count_a = excluded.count_a, count_b = excluded.count_b,
                            locked_at = excluded.locked_at, updated_at = excluded.updated_at
                        WHERE prediction_books.status = ?""",
                event.matchId(), event.tournamentId(), BookStatus.LOCKED.name(), pool.poolA(), pool.poolB(),
                pool.countA(), pool.countB(), at, at, BookStatus.OPEN.name());
        jdbc.update("UPDATE predictions SET status = ?, updated_at = ? WHERE match_id = ? AND status = ?",
                PredictionStatus.LOCKED.name(), at, event.matchId(), PredictionStatus.OPEN.name());
    }

    /**
     * P2/P3, and P4 from round 2 on: each prediction shows this round's line (a share of the pool, nothing, or its
     * wager back) and adds what this round reverses of the previous one's credit to its {@code reversed} total.
     */
    @EventHandler
    void on(PredictionBookSettledEvent event, EventMessage<?> message) {
        Timestamp at = Timestamp.from(message.getTimestamp());
        Outcome outcome = Outcome.valueOf(event.outcome());
        jdbc.update("""
                        INSERT INTO prediction_books (match_id, tournament_id, status, winner_participant_id, outcome,
                                                      round, winners, correction_reason, settled_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (match_id) DO UPDATE SET status = excluded.status,
                            winner_participant_id = excluded.winner_participant_id, outcome = excluded.outcome,
                            round = excluded.round, winners = excluded.winners,
                            correction_reason = excluded.correction_reason, settled_at = excluded.settled_at,
                            updated_at = excluded.updated_at
                        WHERE prediction_books.round < excluded.round""",
                event.matchId(), event.tournamentId(), BookStatus.SETTLED.name(), event.winnerParticipantId(),
                outcome.name(), event.round(), event.winners(), event.correctionReason(), at, at);
        Map<String, Long> reversed = new HashMap<>();
        for (PredictionSettlementLine reversal : nullSafe(event.reversals())) {
            reversed.merge(reversal.predictionId(), reversal.amount(), Long::sum);
        }
        jdbc.batchUpdate("""
                        UPDATE predictions SET status = ?, payout = ?, outcome = ?, settlement_round = ?,
                                               reversed = reversed + ?, settled_at = ?, updated_at = ?
                        WHERE id = ? AND settlement_round < ?""",
                nullSafe(event.lines()).stream().map(line -> new Object[]{
                        status(event, line).name(), line.amount(), outcome.name(), event.round(),
                        reversed.getOrDefault(line.predictionId(), 0L), at, at, line.predictionId(), event.round()})
                        .toList());
    }

    /**
     * P4, W2: what a reversal could not take back because the balance was lower. The prediction is named by the
     * reclaim's key ({@code prediction-reversal:<predictionId>:<round>}), or by the related entity for a key
     * of another shape.
     */
    @EventHandler
    void on(PointsWrittenOffEvent event, EventMessage<?> message) {
        if (event.type() != TransactionType.PREDICTION_REVERSAL) {
            return;
        }
        Timestamp at = Timestamp.from(message.getTimestamp());
        String predictionId = event.idempotencyKey() != null && event.idempotencyKey().startsWith(REVERSAL_KEY)
                ? predictionIdOf(event.idempotencyKey()) : event.relatedEntityId();
        jdbc.update("""
                        INSERT INTO prediction_write_offs (event_id, prediction_id, user_id, amount, reason,
                                                           idempotency_key, created_at)
                        SELECT ?, id, user_id, ?, ?, ?, ? FROM predictions WHERE id = ? AND user_id = ?
                        ON CONFLICT (event_id) DO NOTHING""",
                message.getIdentifier(), event.amount(), event.reason(), event.idempotencyKey(), at, predictionId,
                event.userId());
        jdbc.update("""
                        UPDATE predictions SET updated_at = ?, written_off = (
                            SELECT COALESCE(sum(amount), 0) FROM prediction_write_offs WHERE prediction_id = ?)
                        WHERE id = ?""",
                at, predictionId, predictionId);
    }

    /**
     * The side is read from the match as it is now, which is the match as it was at this event unless this is a replay
     * over existing rows (a recomposed knockout leg may oppose other players since), hence only for a new row.
     */
    private void insert(PredictionPlacedEvent event, Timestamp at) {
        String side = sideOf(event.matchId(), event.participantId());
        jdbc.update("""
                        INSERT INTO users (user_id, twitch_username, created_at, updated_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (user_id) DO NOTHING""", event.userId(), event.userId(), at, at);
        jdbc.update("""
                        INSERT INTO predictions (id, user_id, match_id, tournament_id, predicted_winner_participant_id,
                                                 side, book_order, points_wagered, status, created_at, updated_at)
                        SELECT ?, ?, m.id, m.tournament_id,
                               CASE ? WHEN 'A' THEN m.player_a_participant_id ELSE m.player_b_participant_id END,
                               ?, ?, ?, ?, ?, ?
                        FROM matches m WHERE m.id = ?
                        ON CONFLICT (id) DO NOTHING""",
                event.predictionId(), event.userId(), side, side, event.order(), event.wager(),
                PredictionStatus.OPEN.name(), at, at, event.matchId());
    }

    /** A or B: the side of the match the predicted participant (or, as API.md allows, the player's user id) is on. */
    private String sideOf(String matchId, String participantId) {
        return jdbc.queryForObject("""
                        SELECT CASE WHEN ? IN (pa.id, pa.user_id) THEN 'A' WHEN ? IN (pb.id, pb.user_id) THEN 'B' END
                        FROM matches m
                        JOIN tournament_participants pa ON pa.id = m.player_a_participant_id
                        JOIN tournament_participants pb ON pb.id = m.player_b_participant_id
                        WHERE m.id = ?""",
                String.class, participantId, participantId, matchId);
    }

    private static PredictionStatus status(PredictionBookSettledEvent event, PredictionSettlementLine line) {
        if (event.refunded()) {
            return PredictionStatus.REFUNDED;
        }
        return line.amount() > 0 ? PredictionStatus.WON : PredictionStatus.LOST;
    }

    /** The prediction a reclaim was for: {@code prediction-reversal:<predictionId>:<round>}. */
    private static String predictionIdOf(String reversalKey) {
        String rest = reversalKey.substring(REVERSAL_KEY.length());
        int end = rest.indexOf(':');
        return end < 0 ? rest : rest.substring(0, end);
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
