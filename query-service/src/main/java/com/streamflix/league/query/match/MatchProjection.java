package com.streamflix.league.query.match;

import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStatus;
import com.streamflix.league.query.tournament.TournamentProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Matches (RULES M1, D4) into {@code matches}. A match row points to its participants' rows, so it is projected in
 * the tournaments' processing group, in event order after the roster that created them. A replay inserts nothing
 * new.
 */
@Component
@ProcessingGroup(TournamentProjection.PROCESSING_GROUP)
public class MatchProjection {
    private final JdbcTemplate jdbc;

    public MatchProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
}
