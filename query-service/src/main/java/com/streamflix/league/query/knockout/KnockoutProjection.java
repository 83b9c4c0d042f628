package com.streamflix.league.query.knockout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.knockout.KnockoutTieCreatedEvent;
import com.streamflix.league.api.knockout.KnockoutTieDecidedEvent;
import com.streamflix.league.api.knockout.KnockoutTieStartedEvent;
import com.streamflix.league.api.knockout.KnockoutsSeededEvent;
import com.streamflix.league.query.tournament.TournamentProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The knockouts as recorded (RULES S3, K1–K3) into {@code knockout_seedings} (the final ranking and the halves draw,
 * re-runnable from its seed) and {@code knockout_ties} (one row per tie once both sides are known). Participants' and
 * the tournament's statuses (K4) are {@link TournamentProjection}'s.
 * <p>
 * In the tournaments' processing group, after the roster its rows point to. Idempotent: the seeding inserts once; a
 * tie is upserted by (tournament, slot), so the re-applied creation of a tie recomposed by a corrected result, or a
 * decision applied again, overwrites the row with what the latest event says; a replay in event order ends with the
 * same rows.
 */
@Component
@ProcessingGroup(TournamentProjection.PROCESSING_GROUP)
public class KnockoutProjection {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public KnockoutProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(KnockoutsSeededEvent event, EventMessage<?> message) throws JsonProcessingException {
        jdbc.update("""
                        INSERT INTO knockout_seedings (tournament_id, seed, seed_source, engine_version, ranking, side_s,
                                                       seeded_at)
                        VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) ON CONFLICT (tournament_id) DO NOTHING""",
                event.tournamentId(), event.seed(), event.seedSource().name(), event.engineVersion(),
                json.writeValueAsString(event.ranking()), json.writeValueAsString(event.sideS()),
                Timestamp.from(message.getTimestamp()));
    }

    /**
     * K2: both sides known, the better-placed hosting leg 2. A recomposed tie (same slot, same legs) has not started,
     * so it starts over undecided with its new sides.
     */
    @EventHandler
    void on(KnockoutTieCreatedEvent event, EventMessage<?> message) {
        jdbc.update("""
                        INSERT INTO knockout_ties (tournament_id, slot, round, better_participant_id,
                                                   worse_participant_id, leg1_match_id, leg2_match_id,
                                                   recomposed_because, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (tournament_id, slot) DO UPDATE SET
                            better_participant_id = excluded.better_participant_id,
                            worse_participant_id = excluded.worse_participant_id,
                            leg1_match_id = excluded.leg1_match_id, leg2_match_id = excluded.leg2_match_id,
                            recomposed_because = excluded.recomposed_because, started = FALSE,
                            winner_participant_id = NULL, loser_participant_id = NULL, winner_aggregate = NULL,
                            loser_aggregate = NULL, penalties_winner_participant_id = NULL, correction_reason = NULL,
                            decided_at = NULL""",
                event.tournamentId(), event.slot(), event.round().name(), event.betterParticipantId(),
                event.worseParticipantId(), event.legs().get(0).matchId(),
                event.legs().size() > 1 ? event.legs().get(1).matchId() : null, event.recomposedBecause(),
                Timestamp.from(message.getTimestamp()));
    }

    /** The tie's first match went live: the ties feeding it can no longer be corrected. */
    @EventHandler
    void on(KnockoutTieStartedEvent event) {
        jdbc.update("UPDATE knockout_ties SET started = TRUE WHERE tournament_id = ? AND slot = ?",
                event.tournamentId(), event.slot());
    }

    /** K3: aggregate goals, a level aggregate by the penalties winner; again, with the reason, after a correction. */
    @EventHandler
    void on(KnockoutTieDecidedEvent event, EventMessage<?> message) {
        jdbc.update("""
                        UPDATE knockout_ties SET winner_participant_id = ?, loser_participant_id = ?,
                                                 winner_aggregate = ?, loser_aggregate = ?,
                                                 penalties_winner_participant_id = ?, correction_reason = ?,
                                                 decided_at = ?
                        WHERE tournament_id = ? AND slot = ?""",
                event.winnerParticipantId(), event.loserParticipantId(), event.winnerAggregate(),
                event.loserAggregate(), event.penaltiesWinnerParticipantId(), event.correctionReason(),
                Timestamp.from(message.getTimestamp()), event.tournamentId(), event.slot());
    }
}
