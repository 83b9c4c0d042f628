package com.streamflix.league.query.match;

import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.query.standings.LeagueStandings;
import com.streamflix.league.query.tournament.TournamentProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Matches (RULES M1, D4, K2) into {@code matches}: scheduled, {@code LIVE} with a running score, {@code COMPLETED}
 * with the final result (a walkover as its 3–0, flagged), corrected, rescheduled, re-pointed to a recomposed tie's
 * players. A league result or its correction recomputes the tournament's table (S1–S3, {@link LeagueStandings}).
 * <p>
 * A match row points to its participants' rows, so it is projected in the tournaments' processing group, in event
 * order after the roster that created them. Idempotent: the schedule inserts once, every later event overwrites the
 * columns it owns with what the event says (times are the events' own), so a redelivery or a replay in event order
 * ends with the same row.
 */
@Component
@ProcessingGroup(TournamentProjection.PROCESSING_GROUP)
public class MatchProjection {
    private final JdbcTemplate jdbc;
    private final LeagueStandings standings;

    public MatchProjection(JdbcTemplate jdbc, LeagueStandings standings) {
        this.jdbc = jdbc;
        this.standings = standings;
    }

    @EventHandler
    void on(MatchScheduledEvent event) {
        jdbc.update("""
                        INSERT INTO matches (id, tournament_id, phase, matchday, status, player_a_participant_id,
                                             player_b_participant_id, scheduled_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING""",
                event.matchId(), event.tournamentId(), event.phase().name(), event.matchday(),
                MatchStatus.SCHEDULED.name(), event.playerAParticipantId(), event.playerBParticipantId(),
                Timestamp.from(event.scheduledAt()));
    }

    /** M1: kick-off; the live score starts at 0–0. */
    @EventHandler
    void on(MatchStartedEvent event, EventMessage<?> message) {
        jdbc.update("""
                        UPDATE matches SET status = ?, started_at = ?, player_a_score = 0, player_b_score = 0
                        WHERE id = ?""",
                MatchStatus.LIVE.name(), Timestamp.from(message.getTimestamp()), event.matchId());
    }

    /** M1: the live score. */
    @EventHandler
    void on(MatchScoreUpdatedEvent event) {
        jdbc.update("UPDATE matches SET player_a_score = ?, player_b_score = ? WHERE id = ?",
                event.scoreA(), event.scoreB(), event.matchId());
    }

    /** M1: the final result; a walkover may come straight from {@code SCHEDULED}. */
    @EventHandler
    void on(MatchCompletedEvent event, EventMessage<?> message) {
        Timestamp at = Timestamp.from(message.getTimestamp());
        jdbc.update("""
                        UPDATE matches SET status = ?, completed_at = ?, correction_reason = NULL, corrected_at = NULL
                        WHERE id = ?""",
                MatchStatus.COMPLETED.name(), at, event.matchId());
        result(event.matchId(), event.result());
        leagueResultChanged(event.phase(), event.tournamentId(), message);
    }

    /** The corrected result replaces the recorded one; the latest reason is kept (the history has every one). */
    @EventHandler
    void on(MatchResultCorrectedEvent event, EventMessage<?> message) {
        jdbc.update("UPDATE matches SET correction_reason = ?, corrected_at = ? WHERE id = ?",
                event.reason(), Timestamp.from(message.getTimestamp()), event.matchId());
        result(event.matchId(), event.corrected());
        leagueResultChanged(event.phase(), event.tournamentId(), message);
    }

    @EventHandler
    void on(MatchRescheduledEvent event) {
        jdbc.update("UPDATE matches SET scheduled_at = ? WHERE id = ?", Timestamp.from(event.scheduledAt()),
                event.matchId());
    }

    /** K2: a scheduled knockout leg of a tie recomposed by a corrected result now opposes other players. */
    @EventHandler
    void on(MatchParticipantsChangedEvent event) {
        jdbc.update("UPDATE matches SET player_a_participant_id = ?, player_b_participant_id = ? WHERE id = ?",
                event.playerAParticipantId(), event.playerBParticipantId(), event.matchId());
    }

    private void result(String matchId, MatchResult result) {
        jdbc.update("""
                        UPDATE matches SET player_a_score = ?, player_b_score = ?, winner_participant_id = ?,
                                           penalties_winner_participant_id = ?, walkover_winner_participant_id = ?
                        WHERE id = ?""",
                result.scoreA(), result.scoreB(), result.winnerParticipantId(),
                result.penaltiesWinnerParticipantId(), result.walkoverWinnerParticipantId(), matchId);
    }

    private void leagueResultChanged(MatchPhase phase, String tournamentId, EventMessage<?> message) {
        if (phase.isLeague()) {
            standings.recompute(tournamentId, message.getTimestamp());
        }
    }
}
