package com.streamflix.league.command.twitch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Forgets EventSub message ids older than {@code streamflix.twitch.webhook-retention} (default 30 days). Twitch does
 * not document how long it redelivers (twitch.md §1.5); past this window a redelivered redemption is still credited
 * once, because the wallet deduplicates on the redemption id. Revocations and unprocessable messages are kept.
 */
@Component
public class WebhookInboxRetention {
    private static final Logger log = LoggerFactory.getLogger(WebhookInboxRetention.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;

    public WebhookInboxRetention(JdbcTemplate jdbc,
                                 @Value("${streamflix.twitch.webhook-retention:30d}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public int forgetOldMessages() {
        int forgotten = jdbc.update("""
                        DELETE FROM twitch_webhook_message m
                        WHERE m.received_at < now() - make_interval(secs => ?)
                          AND NOT EXISTS (SELECT 1 FROM twitch_subscription_revocation r WHERE r.message_id = m.message_id)
                          AND NOT EXISTS (SELECT 1 FROM twitch_webhook_unprocessable u WHERE u.message_id = m.message_id)""",
                (double) retention.toSeconds());
        if (forgotten > 0) {
            log.info("Forgot {} EventSub message ids older than {}", forgotten, retention);
        }
        return forgotten;
    }
}
