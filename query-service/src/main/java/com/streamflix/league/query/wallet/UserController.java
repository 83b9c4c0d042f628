package com.streamflix.league.query.wallet;

import com.streamflix.league.support.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The signed-in viewer's own account: balance and ledger (API.md, Reads). */
@RestController
@RequestMapping("/api/users/me")
public class UserController {
    private final JdbcTemplate jdbc;

    public UserController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Me(String userId, String login, long balance, boolean banned) {
    }

    public record Transaction(String id, String type, long amount, long balance, String description,
                              String relatedEntityId, Instant createdAt) {
    }

    /** A viewer who has not earned anything yet has an empty wallet, not an error. */
    @GetMapping
    public Me me(@AuthenticationPrincipal Jwt session) {
        return jdbc.query("SELECT twitch_username, points_balance, is_banned FROM users WHERE user_id = ?",
                        (rs, i) -> new Me(session.getSubject(), rs.getString(1), rs.getLong(2), rs.getBoolean(3)),
                        session.getSubject())
                .stream().findFirst()
                .orElseGet(() -> new Me(session.getSubject(), session.getClaimAsString("name"), 0, false));
    }

    /** Newest first; a user's rows are ordered exactly by wallet version. */
    @GetMapping("/transactions")
    public Page<Transaction> transactions(@AuthenticationPrincipal Jwt session,
                                          @RequestParam(defaultValue = "0") @Min(0) int page,
                                          @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String userId = session.getSubject();
        var items = jdbc.query("""
                        SELECT id, type, amount, balance_after, description, related_entity_id, created_at
                        FROM transactions WHERE user_id = ? ORDER BY wallet_version DESC LIMIT ? OFFSET ?""",
                (rs, i) -> new Transaction(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()),
                userId, size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM transactions WHERE user_id = ?", Long.class, userId);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }
}
