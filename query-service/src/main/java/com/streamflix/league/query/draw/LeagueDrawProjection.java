package com.streamflix.league.query.draw;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.draw.LeagueDrawnEvent;
import com.streamflix.league.query.tournament.TournamentProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * The league draw's record (RULES D4) into {@code league_draws}: seed, pots and fixtures as the event has them. In
 * the tournaments' processing group, after the tournament and its roster. A replay inserts nothing new.
 */
@Component
@ProcessingGroup(TournamentProjection.PROCESSING_GROUP)
public class LeagueDrawProjection {
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    public LeagueDrawProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(LeagueDrawnEvent event, EventMessage<?> message) throws JsonProcessingException {
        var fixtures = event.fixtures().stream()
                .map(f -> new LeagueDrawController.Fixture(f.matchday(), f.homeUserId(), f.awayUserId())).toList();
        jdbc.update("""
                        INSERT INTO league_draws (tournament_id, seed, seed_source, engine_version, imported, pots,
                                                  fixtures, first_matchday_at, matchday_interval_seconds, drawn_at)
                        VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?) ON CONFLICT (tournament_id) DO NOTHING""",
                event.tournamentId(), event.seed(), event.seedSource() == null ? null : event.seedSource().name(),
                event.engineVersion(), event.imported(), json.writeValueAsString(event.pots()),
                json.writeValueAsString(fixtures), Timestamp.from(event.firstMatchdayAt()),
                event.matchdayInterval().toSeconds(), Timestamp.from(message.getTimestamp()));
    }
}
