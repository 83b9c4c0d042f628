package com.streamflix.league.command.twitch;

import com.streamflix.league.support.web.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/**
 * {@code GET /api/admin/twitch/unprocessable} (admin, issue #13): the EventSub messages that could never be processed
 * (acknowledged to Twitch and kept whole, see TwitchWebhookInbox), newest first, with why. What to do with one is in
 * README's runbook; a fixed cause means the viewer's points can be granted by an admin adjustment.
 */
@RestController
public class UnprocessableWebhooksController {
    private final JdbcTemplate jdbc;

    public UnprocessableWebhooksController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Unprocessable(String messageId, String subscriptionType, String problemType, String field,
                                String detail, String body, Instant parkedAt) {
    }

    @GetMapping("/api/admin/twitch/unprocessable")
    public Page<Unprocessable> unprocessable(@RequestParam(defaultValue = "0") @Min(0) int page,
                                             @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        var items = jdbc.query("""
                        SELECT message_id, subscription_type, problem_type, field, detail, body, parked_at
                        FROM twitch_webhook_unprocessable ORDER BY parked_at DESC, message_id LIMIT ? OFFSET ?""",
                (rs, i) -> new Unprocessable(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()),
                size, (long) page * size);
        Long total = jdbc.queryForObject("SELECT count(*) FROM twitch_webhook_unprocessable", Long.class);
        return new Page<>(items, page, size, total == null ? 0 : total);
    }
}
