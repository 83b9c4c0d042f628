package com.streamflix.league.query.standings;

import com.streamflix.league.api.tournament.TournamentStatus;
import com.streamflix.league.query.tournament.ParticipantStatus;
import com.streamflix.league.standings.Zone;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

/**
 * {@code GET /api/tournaments/{id}/standings} (public, API.md; RULES S1–S3): the league table as {@link
 * LeagueStandings} keeps it, place 1 first, with every S2 criterion so viewers can see why two players are ordered as
 * they are, where each place leads (S3) and whether the player is still in the competition (K4).
 */
@RestController
public class StandingsController {
    private final JdbcTemplate jdbc;

    public StandingsController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One place of the table. {@code points} are the table points (S1: 3 a win, 1 a draw, plus {@code bonusPoints}
     * from viewer votes); the opponents' criteria sum the current totals of the players met (S2); {@code seedPosition}
     * is the last tiebreaker; {@code zone} is where the place leads (S3); {@code status} the player's (K4).
     */
    public record Row(int rank, String participantId, String userId, String login, int played, int wins, int draws,
                      int losses, int goalsFor, int goalsAgainst, int goalDifference, int awayGoalsFor, int awayWins,
                      int points, int bonusPoints, int opponentsPoints, int opponentsGoalDifference,
                      int opponentsGoalsFor, int seedPosition, Zone zone, ParticipantStatus status) {
    }

    /** {@code status} is the tournament's; {@code rows} are empty until the roster is confirmed. */
    public record Standings(String tournamentId, TournamentStatus status, List<Row> rows) {
    }

    /** One snapshot of the read model: its queries never see two different moments of the projection. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @GetMapping("/api/tournaments/{id}/standings")
    public Standings standings(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String id) {
        TournamentStatus status = jdbc.queryForList("SELECT status FROM tournaments WHERE id = ?", String.class, id)
                .stream().findFirst().map(TournamentStatus::valueOf)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No tournament " + id));
        return new Standings(id, status, jdbc.query("""
                        SELECT s.rank, p.id, p.user_id, u.twitch_username, s.matches_played, s.wins, s.draws,
                               s.losses, s.goals_for, s.goals_against, s.away_goals_for, s.away_wins, s.points,
                               s.bonus_points, s.opponents_points, s.opponents_goal_difference, s.opponents_goals_for,
                               p.seed_position, s.zone, p.status
                        FROM league_standings s
                        JOIN tournament_participants p ON p.id = s.participant_id
                        JOIN users u ON u.user_id = p.user_id
                        WHERE s.tournament_id = ?
                        ORDER BY s.rank, p.seed_position""",
                (rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
                        rs.getInt(9) - rs.getInt(10), rs.getInt(11), rs.getInt(12), rs.getInt(13), rs.getInt(14),
                        rs.getInt(15), rs.getInt(16), rs.getInt(17), rs.getInt(18), Zone.valueOf(rs.getString(19)),
                        ParticipantStatus.valueOf(rs.getString(20))), id));
    }
}
