package com.streamflix.league.query.standings;

import com.streamflix.league.standings.Entrant;
import com.streamflix.league.standings.LeagueResult;
import com.streamflix.league.standings.LeagueTable;
import com.streamflix.league.standings.StandingsRow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a tournament's league table (RULES S1–S3) into {@code league_standings}: always the whole table, from
 * scratch, by {@link LeagueTable#rank} — the comparator the command side seeds the knockouts with — because the
 * opponents' criteria let any result move players who did not play in it. The inputs are the tournament's completed
 * league matches (a walkover counts as its 3–0), its participants' seeding, and each row's vote bonus (V5), which this
 * class keeps and never recomputes.
 * <p>
 * Called, in their transaction, by the projections that change an input: the roster's confirmation (every row, all
 * zeros, ranked by seeding), every league result or correction, and every vote bonus ({@link #addBonus}). Every row is
 * upserted with the time of the event that caused the recompute, so a redelivery or a replay in event order ends with
 * the same rows, timestamps included.
 */
@Component
public class LeagueStandings {
    private final JdbcTemplate jdbc;

    public LeagueStandings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * V5, S1: {@code points} league points from a vote for {@code participantId}, added to the row's bonus, then the
     * table recomputed. The caller adds each award once (the recompute alone is safe to repeat).
     */
    public void addBonus(String tournamentId, String participantId, int points, Instant at) {
        jdbc.update("UPDATE league_standings SET bonus_points = bonus_points + ? WHERE participant_id = ?",
                points, participantId);
        recompute(tournamentId, at);
    }

    public void recompute(String tournamentId, Instant at) {
        List<Entrant> entrants = jdbc.query("""
                        SELECT id, seed_position FROM tournament_participants WHERE tournament_id = ?""",
                (rs, i) -> new Entrant(rs.getString(1), rs.getInt(2)), tournamentId);
        List<LeagueResult> results = jdbc.query("""
                        SELECT player_a_participant_id, player_b_participant_id, player_a_score, player_b_score,
                               walkover_winner_participant_id
                        FROM matches WHERE tournament_id = ? AND phase = 'LEAGUE' AND status = 'COMPLETED'""",
                (rs, i) -> rs.getString(5) != null
                        ? LeagueResult.walkover(rs.getString(1), rs.getString(2), rs.getString(5))
                        : new LeagueResult(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                tournamentId);
        Map<String, Integer> bonus = new HashMap<>();
        jdbc.query("SELECT participant_id, bonus_points FROM league_standings WHERE tournament_id = ? AND bonus_points <> 0",
                rs -> {
                    bonus.put(rs.getString(1), rs.getInt(2));
                }, tournamentId);
        List<StandingsRow> table = LeagueTable.rank(entrants, results, bonus);
        Timestamp updatedAt = Timestamp.from(at);
        jdbc.batchUpdate("""
                        INSERT INTO league_standings (participant_id, tournament_id, rank, zone, points,
                                matches_played, wins, draws, losses, goals_for, goals_against, away_goals_for,
                                away_wins, opponents_points, opponents_goal_difference, opponents_goals_for, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (participant_id) DO UPDATE SET rank = excluded.rank, zone = excluded.zone,
                            points = excluded.points, matches_played = excluded.matches_played, wins = excluded.wins,
                            draws = excluded.draws, losses = excluded.losses, goals_for = excluded.goals_for,
                            goals_against = excluded.goals_against, away_goals_for = excluded.away_goals_for,
                            away_wins = excluded.away_wins, opponents_points = excluded.opponents_points,
                            opponents_goal_difference = excluded.opponents_goal_difference,
                            opponents_goals_for = excluded.opponents_goals_for, updated_at = excluded.updated_at""",
                table.stream().map(row -> new Object[]{row.participantId(), tournamentId, row.rank(),
                        row.zone().name(), row.points(), row.played(), row.wins(), row.draws(), row.losses(),
                        row.goalsFor(), row.goalsAgainst(), row.awayGoalsFor(), row.awayWins(),
                        row.opponentsPoints(), row.opponentsGoalDifference(), row.opponentsGoalsFor(), updatedAt})
                        .toList());
    }
}
