package com.streamflix.league.realtime.match;

import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.match.MatchLiveMessages.Player;
import com.streamflix.league.realtime.match.MatchLiveMessages.Predictions;
import com.streamflix.league.realtime.match.MatchLiveMessages.Result;
import com.streamflix.league.realtime.socket.Push;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every match as a new viewer's first message shows it ({@code SNAPSHOT}), in {@code match_snapshot}. A tracking
 * processor shared by the realtime instances (token stored) keeps it; each change is written only over an older
 * version, so a redelivered event changes nothing. The match's prediction book (status and pool per side, RULES
 * P1-P4) is kept in the same row: its events are the match's, so they move the same version. It is kept while
 * predictions are switched off too, and only left out of what {@link #current} answers. The match's votes are kept
 * apart, by {@link VoteSnapshots}, and joined in when read.
 */
@Component
@ProcessingGroup(MatchSnapshots.PROCESSING_GROUP)
public class MatchSnapshots {
    static final String PROCESSING_GROUP = "realtime-matches";

    private final JdbcTemplate jdbc;
    private final boolean predictionsEnabled;

    public MatchSnapshots(JdbcTemplate jdbc, PredictionsProperties predictions) {
        this.jdbc = jdbc;
        this.predictionsEnabled = predictions.enabled();
    }

    /** P1: a scheduled match's book is open, and empty. */
    @EventHandler
    void on(MatchScheduledEvent event, @SequenceNumber long sequenceNumber) {
        jdbc.update("""
                        INSERT INTO match_snapshot (match_id, tournament_id, version, status, phase, matchday,
                            scheduled_at, player_a_participant_id, player_a_user_id, player_b_participant_id,
                            player_b_user_id, predictions_status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (match_id) DO NOTHING""",
                event.matchId(), event.tournamentId(), Push.versionAfter(sequenceNumber),
                MatchStatus.SCHEDULED.name(), event.phase().name(), event.matchday(),
                Timestamp.from(event.scheduledAt()), event.playerAParticipantId(), event.playerAUserId(),
                event.playerBParticipantId(), event.playerBUserId(), Predictions.OPEN);
    }

    /** M1: the live score starts at 0–0; the start locks the book (P1, its own event follows). */
    @EventHandler
    void on(MatchStartedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.matchId(), sequenceNumber, """
                        status = ?, score_a = 0, score_b = 0,
                        predictions_status = CASE predictions_status WHEN ? THEN ? ELSE predictions_status END""",
                MatchStatus.LIVE.name(), Predictions.OPEN, Predictions.LOCKED);
    }

    @EventHandler
    void on(MatchScoreUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.matchId(), sequenceNumber, "score_a = ?, score_b = ?", event.scoreA(), event.scoreB());
    }

    @EventHandler
    void on(MatchCompletedEvent event, @SequenceNumber long sequenceNumber) {
        result(event.matchId(), sequenceNumber, event.result());
    }

    @EventHandler
    void on(MatchResultCorrectedEvent event, @SequenceNumber long sequenceNumber) {
        result(event.matchId(), sequenceNumber, event.corrected());
    }

    @EventHandler
    void on(MatchRescheduledEvent event, @SequenceNumber long sequenceNumber) {
        change(event.matchId(), sequenceNumber, "scheduled_at = ?", Timestamp.from(event.scheduledAt()));
    }

    @EventHandler
    void on(MatchParticipantsChangedEvent event, @SequenceNumber long sequenceNumber) {
        change(event.matchId(), sequenceNumber, """
                        player_a_participant_id = ?, player_a_user_id = ?,
                        player_b_participant_id = ?, player_b_user_id = ?""",
                event.playerAParticipantId(), event.playerAUserId(), event.playerBParticipantId(),
                event.playerBUserId());
    }

    /** P1: the open book's pool after the placement. */
    @EventHandler
    void on(PredictionPlacedEvent event, @SequenceNumber long sequenceNumber) {
        pool(event.matchId(), sequenceNumber, Predictions.OPEN, event.pool());
    }

    @EventHandler
    void on(PredictionBookLockedEvent event, @SequenceNumber long sequenceNumber) {
        pool(event.matchId(), sequenceNumber, Predictions.LOCKED, event.pool());
    }

    /** P2-P4: settled (again, after a correction); the pool per side stays as the book closed. */
    @EventHandler
    void on(PredictionBookSettledEvent event, @SequenceNumber long sequenceNumber) {
        change(event.matchId(), sequenceNumber, "predictions_status = ?", Predictions.SETTLED);
    }

    private void pool(String matchId, long sequenceNumber, String status, PredictionPool pool) {
        change(matchId, sequenceNumber, """
                        predictions_status = ?, predictions_pool_a = ?, predictions_pool_b = ?,
                        predictions_count_a = ?, predictions_count_b = ?""",
                status, pool.poolA(), pool.poolB(), pool.countA(), pool.countB());
    }

    private void result(String matchId, long sequenceNumber, MatchResult result) {
        change(matchId, sequenceNumber, """
                        status = ?, score_a = ?, score_b = ?, penalties_winner_participant_id = ?,
                        walkover_winner_participant_id = ?, winner_participant_id = ?""",
                MatchStatus.COMPLETED.name(), result.scoreA(), result.scoreB(),
                result.penaltiesWinnerParticipantId(), result.walkoverWinnerParticipantId(),
                result.winnerParticipantId());
    }

    private void change(String matchId, long sequenceNumber, String assignments, Object... values) {
        long version = Push.versionAfter(sequenceNumber);
        Object[] arguments = Stream.concat(Stream.of(values), Stream.of(version, matchId, version)).toArray();
        jdbc.update("UPDATE match_snapshot SET " + assignments + ", version = ?, updated_at = now()"
                + " WHERE match_id = ? AND version < ?", arguments);
    }

    /**
     * The match as last stored, with its latest vote as {@link VoteSnapshots} stored it (one query, as thousands of
     * viewers may connect at once); empty for a match not scheduled yet (or not yet seen by this processor).
     */
    public Optional<MatchSnapshot> current(String matchId) {
        return jdbc.query("""
                SELECT m.match_id, m.version, m.status, m.tournament_id, m.phase, m.matchday, m.scheduled_at,
                       m.player_a_participant_id, m.player_a_user_id, m.player_b_participant_id, m.player_b_user_id,
                       m.score_a, m.score_b, m.penalties_winner_participant_id, m.walkover_winner_participant_id,
                       m.winner_participant_id, m.predictions_status, m.predictions_pool_a, m.predictions_pool_b,
                       m.predictions_count_a, m.predictions_count_b, v.*
                FROM match_snapshot m LEFT JOIN LATERAL (
                    SELECT %s
                    FROM vote_snapshot WHERE vote_snapshot.match_id = m.match_id
                    ORDER BY started_at DESC NULLS LAST LIMIT 1) v ON true
                WHERE m.match_id = ?""".formatted(VoteSnapshots.COLUMNS), this::snapshot, matchId)
                .stream().findFirst();
    }

    private MatchSnapshot snapshot(ResultSet row, int rowNumber) throws SQLException {
        String status = row.getString("status");
        Integer scoreA = row.getObject("score_a", Integer.class);
        Integer scoreB = row.getObject("score_b", Integer.class);
        Result result = MatchStatus.COMPLETED.name().equals(status)
                ? new Result(scoreA, scoreB, row.getString("winner_participant_id"),
                row.getString("penalties_winner_participant_id"),
                row.getString("walkover_winner_participant_id") != null)
                : null;
        Timestamp scheduledAt = row.getTimestamp("scheduled_at");
        return new MatchSnapshot(row.getString("match_id"), row.getLong("version"), status,
                row.getString("tournament_id"), row.getString("phase"), row.getObject("matchday", Integer.class),
                scheduledAt == null ? null : scheduledAt.toInstant(),
                new Player(row.getString("player_a_participant_id"), row.getString("player_a_user_id")),
                new Player(row.getString("player_b_participant_id"), row.getString("player_b_user_id")),
                scoreA, scoreB, result, predictionsEnabled ? predictions(row) : null, VoteSnapshots.vote(row));
    }

    private static Predictions predictions(ResultSet row) throws SQLException {
        return Predictions.of(row.getString("predictions_status"), new PredictionPool(
                row.getLong("predictions_pool_a"), row.getLong("predictions_pool_b"),
                row.getInt("predictions_count_a"), row.getInt("predictions_count_b")));
    }
}
