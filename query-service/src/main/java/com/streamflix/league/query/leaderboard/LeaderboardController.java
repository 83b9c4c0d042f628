package com.streamflix.league.query.leaderboard;

import com.fasterxml.jackson.annotation.JsonValue;
import com.streamflix.league.query.prediction.PredictionProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;

/**
 * The points leaderboard (API.md, public): {@code GET /api/leaderboard?by=balance|won&page&size}. {@code balance}
 * ranks every user by their current balance (W3); {@code won} ranks those who ever predicted by their net winnings
 * from predictions ({@link LeaderboardProjection}), and is not shown while predictions are off ({@link
 * PredictionProperties}). Highest first, ties broken by user id, so every user has one rank; both orders are kept by
 * projections and indexed, not computed per request.
 */
@RestController
public class LeaderboardController {
    private final JdbcTemplate jdbc;
    private final PredictionProperties predictions;

    public LeaderboardController(JdbcTemplate jdbc, PredictionProperties predictions) {
        this.jdbc = jdbc;
        this.predictions = predictions;
    }

    /** The two boards: the {@code users} column each ranks by, and who is on it. Constants, never request text. */
    public enum Board {
        BALANCE("points_balance", "TRUE"),
        WON("prediction_net", "prediction_version >= 0");

        private final String column;
        private final String members;

        Board(String column, String members) {
            this.column = column;
            this.members = members;
        }

        @JsonValue
        public String parameter() {
            return name().toLowerCase();
        }
    }

    public record Entry(long rank, String userId, String login, long value) {
    }

    public record Leaderboard(Board by, List<Entry> items, int page, int size, long total) {
    }

    /** One snapshot: the page and the total never see two moments of the projections. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    @GetMapping("/api/leaderboard")
    public Leaderboard leaderboard(@RequestParam(defaultValue = "balance") @Pattern(regexp = "balance|won") String by,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Board board = Board.valueOf(by.toUpperCase(Locale.ROOT));
        if (board == Board.WON) {
            predictions.requireEnabled();
        }
        long offset = (long) page * size;
        List<Entry> items = jdbc.query("SELECT user_id, twitch_username, " + board.column + " FROM users WHERE "
                        + board.members + " ORDER BY " + board.column + " DESC, user_id LIMIT ? OFFSET ?",
                (rs, i) -> new Entry(offset + i + 1, rs.getString(1), rs.getString(2), rs.getLong(3)), size, offset);
        Long total = jdbc.queryForObject("SELECT count(*) FROM users WHERE " + board.members, Long.class);
        return new Leaderboard(board, items, page, size, total == null ? 0 : total);
    }
}
