package com.streamflix.league.command.twitch;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The broadcaster's user token (scope channel:read:subscriptions), the one credential the subscriber check needs
 * (twitch.md §3). Stored encrypted; refreshed before it expires and whenever Twitch answers 401; validated at
 * start and hourly as Twitch requires (§4.1). A refresh runs under a row lock so two command-service instances
 * never spend the same (possibly rotating) refresh token twice.
 */
@Component
public class BroadcasterTokens {
    private static final Logger log = LoggerFactory.getLogger(BroadcasterTokens.class);
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final TokenCipher cipher;
    private final TwitchProperties twitch;
    private final RestClient http;
    private final Clock clock;

    public BroadcasterTokens(JdbcTemplate jdbc, TransactionTemplate transaction, TwitchProperties twitch,
                             RestClient twitchRestClient, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.cipher = new TokenCipher(twitch.tokenEncryptionKey());
        this.twitch = twitch;
        this.http = twitchRestClient;
        this.clock = clock;
    }

    private record Stored(String accessToken, String refreshToken, Instant expiresAt) {
    }

    /** After the broadcaster authorised the app (the {@code twitch-broadcaster} login). */
    public void store(String broadcasterId, String accessToken, String refreshToken, Instant expiresAt, String scopes) {
        jdbc.update("""
                        INSERT INTO twitch_broadcaster_token (broadcaster_id, access_token, refresh_token, expires_at, scopes)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (broadcaster_id) DO UPDATE SET access_token = excluded.access_token,
                            refresh_token = excluded.refresh_token, expires_at = excluded.expires_at,
                            scopes = excluded.scopes, updated_at = now()""",
                broadcasterId, cipher.encrypt(accessToken), refreshToken == null ? null : cipher.encrypt(refreshToken),
                Timestamp.from(expiresAt), scopes);
        log.info("Stored the broadcaster's Twitch token (scopes: {})", scopes);
    }

    /** A usable access token, refreshed first when it is about to expire. */
    public String accessToken() {
        Stored stored = load(false).orElseThrow(() -> new TwitchUnavailableException(
                "The broadcaster has not connected their Twitch account yet", Duration.ofMinutes(1)));
        if (stored.expiresAt().isBefore(clock.instant().plus(REFRESH_MARGIN))) {
            return refresh(stored.accessToken());
        }
        return stored.accessToken();
    }

    /**
     * Exchanges the refresh token for a new pair, unless another thread or instance already did since
     * {@code rejectedAccessToken} was read (then its result is used).
     */
    public String refresh(String rejectedAccessToken) {
        return transaction.execute(status -> {
            Stored current = load(true).orElseThrow(() -> new TwitchUnavailableException(
                    "The broadcaster has not connected their Twitch account yet", Duration.ofMinutes(1)));
            if (!current.accessToken().equals(rejectedAccessToken)
                    && current.expiresAt().isAfter(clock.instant().plus(REFRESH_MARGIN))) {
                return current.accessToken();
            }
            if (current.refreshToken() == null) {
                throw new TwitchUnavailableException("The broadcaster's token expired and cannot be refreshed; "
                        + "the broadcaster must connect again", Duration.ofMinutes(5));
            }
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "refresh_token");
            form.add("refresh_token", current.refreshToken());
            form.add("client_id", twitch.clientId());
            form.add("client_secret", twitch.clientSecret());
            JsonNode answer;
            try {
                answer = http.post().uri(twitch.authBaseUrl() + "/token")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form)
                        .retrieve().body(JsonNode.class);
            } catch (HttpClientErrorException refused) {
                // 400 "Invalid refresh token": retrying will not help
                log.error("Twitch refused the broadcaster's refresh token ({}); the broadcaster must connect again",
                        refused.getStatusCode());
                throw new TwitchUnavailableException("The broadcaster's Twitch authorisation has expired; "
                        + "the broadcaster must connect again", Duration.ofMinutes(5));
            } catch (RestClientException e) {
                log.error("Refreshing the broadcaster's Twitch token failed: {}", e.getMessage());
                throw new TwitchUnavailableException("Twitch did not refresh the broadcaster's token",
                        Duration.ofSeconds(30));
            }
            String access = answer == null ? "" : answer.path("access_token").asText("");
            if (access.isBlank()) {
                throw new TwitchUnavailableException("Twitch refused to refresh the broadcaster's token; "
                        + "the broadcaster must connect again", Duration.ofMinutes(5));
            }
            String refresh = answer.path("refresh_token").asText(current.refreshToken());
            Instant expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600));
            store(twitch.broadcasterId(), access, refresh, expiresAt, scopes(answer));
            return access;
        });
    }

    /** Twitch requires apps to validate the tokens they keep at start and every hour (twitch.md §4.1). */
    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
    public void validate() {
        Optional<Stored> stored = load(false);
        if (stored.isEmpty()) {
            return;
        }
        try {
            HttpStatusCode status = http.get().uri(twitch.authBaseUrl() + "/validate")
                    .header("Authorization", "OAuth " + stored.get().accessToken())
                    .retrieve().onStatus(code -> true, (request, response) -> { })
                    .toBodilessEntity().getStatusCode();
            if (status.value() == 401) {
                log.warn("Twitch says the broadcaster's token is invalid; refreshing it");
                refresh(stored.get().accessToken());
            } else if (status.is2xxSuccessful()) {
                jdbc.update("UPDATE twitch_broadcaster_token SET validated_at = now() WHERE broadcaster_id = ?",
                        twitch.broadcasterId());
            }
        } catch (RuntimeException e) {
            log.error("Validating the broadcaster's Twitch token failed: {}", e.getMessage());
        }
    }

    /** Refreshes ahead of expiry so subscriber checks do not pay for it. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void refreshBeforeExpiry() {
        try {
            load(false).filter(s -> s.expiresAt().isBefore(clock.instant().plus(REFRESH_MARGIN)))
                    .ifPresent(s -> refresh(s.accessToken()));
        } catch (RuntimeException e) {
            log.error("Refreshing the broadcaster's Twitch token failed: {}", e.getMessage());
        }
    }

    private Optional<Stored> load(boolean forUpdate) {
        if (twitch.broadcasterId() == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT access_token, refresh_token, expires_at FROM twitch_broadcaster_token "
                                + "WHERE broadcaster_id = ?" + (forUpdate ? " FOR UPDATE" : ""),
                        (rs, i) -> new Stored(cipher.decrypt(rs.getBytes(1)),
                                rs.getBytes(2) == null ? null : cipher.decrypt(rs.getBytes(2)),
                                rs.getTimestamp(3).toInstant()),
                        twitch.broadcasterId())
                .stream().findFirst();
    }

    private static String scopes(JsonNode answer) {
        JsonNode scope = answer.path("scope");
        if (scope.isArray()) {
            var joined = new StringBuilder();
            scope.forEach(s -> joined.append(joined.isEmpty() ? "" : " ").append(s.asText()));
            return joined.toString();
        }
        return scope.asText("");
    }
}
