package com.streamflix.league.command.twitch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Helix calls made with the broadcaster's token. The subscriber check uses Get Broadcaster Subscriptions with
 * {@code user_id} (twitch.md §3): a user missing from {@code data} is not subscribed. Answers are cached briefly.
 * Twitch's rate-limit headers are honoured: with no points left, we wait for {@code Ratelimit-Reset} instead of
 * calling, and a 429 becomes a 503 with that retry hint. A 401 refreshes the token once.
 */
@Component
public class TwitchHelixClient {
    private static final Logger log = LoggerFactory.getLogger(TwitchHelixClient.class);
    private static final Duration TWITCH_DOWN_RETRY = Duration.ofSeconds(10);

    private final RestClient http;
    private final TwitchProperties twitch;
    private final BroadcasterTokens tokens;
    private final Clock clock;
    private final ObjectMapper json;
    private final Cache<String, Boolean> subscribers;
    /** When Twitch said the bucket is empty: the reset time; otherwise null. */
    private final AtomicReference<Instant> rateLimitedUntil = new AtomicReference<>();

    public TwitchHelixClient(RestClient twitchRestClient, TwitchProperties twitch, BroadcasterTokens tokens, Clock clock,
                             ObjectMapper json) {
        this.http = twitchRestClient;
        this.json = json;
        this.twitch = twitch;
        this.tokens = tokens;
        this.clock = clock;
        this.subscribers = Caffeine.newBuilder().expireAfterWrite(twitch.subscriberCacheTtl()).maximumSize(100_000).build();
    }

    /** RULES R1. Throws {@link TwitchUnavailableException} when Twitch cannot tell us now. */
    public boolean isSubscriber(String userId) {
        Boolean cached = subscribers.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        JsonNode answer = get("/subscriptions?broadcaster_id=" + twitch.broadcasterId() + "&user_id=" + userId);
        boolean subscribed = false;
        for (JsonNode subscription : answer.path("data")) {
            subscribed |= userId.equals(subscription.path("user_id").asText());
        }
        subscribers.put(userId, subscribed);
        return subscribed;
    }

    /** Forgets a cached answer of {@link #isSubscriber}, so the next check asks Twitch (the dev helpers use it). */
    public void forgetSubscriber(String userId) {
        subscribers.invalidate(userId);
    }

    private JsonNode get(String pathAndQuery) {
        Instant until = rateLimitedUntil.get();
        if (until != null && clock.instant().isBefore(until)) {
            throw new TwitchUnavailableException("Twitch's rate limit is exhausted", Duration.between(clock.instant(), until));
        }
        String token = tokens.accessToken();
        ResponseEntity<String> response = call(pathAndQuery, token);
        if (response.getStatusCode().value() == 401) {
            response = call(pathAndQuery, tokens.refresh(token));
        }
        remember(response);
        int status = response.getStatusCode().value();
        if (status == 429) {
            Instant reset = rateLimitedUntil.get();
            throw new TwitchUnavailableException("Twitch is rate-limiting us",
                    reset == null ? TWITCH_DOWN_RETRY : Duration.between(clock.instant(), reset));
        }
        if (!response.getStatusCode().is2xxSuccessful() || response.getBody() == null) {
            log.warn("Helix {} answered {}", pathAndQuery.replaceAll("\\?.*", ""), status);
            throw new TwitchUnavailableException("Twitch answered " + status, TWITCH_DOWN_RETRY);
        }
        try {
            return json.readTree(response.getBody());
        } catch (JsonProcessingException unreadable) {
            throw new TwitchUnavailableException("Twitch answered something unreadable", TWITCH_DOWN_RETRY);
        }
    }

    private ResponseEntity<String> call(String pathAndQuery, String token) {
        try {
            return http.get().uri(twitch.apiBaseUrl() + pathAndQuery)
                    .header("Authorization", "Bearer " + token)
                    .header("Client-Id", twitch.clientId())
                    .retrieve()
                    .onStatus(code -> true, (request, response) -> { }) // statuses are handled by the caller
                    .toEntity(String.class);
        } catch (RestClientException unreachable) {
            log.warn("Helix unreachable: {}", unreachable.getMessage());
            throw new TwitchUnavailableException("Twitch is unreachable", TWITCH_DOWN_RETRY);
        }
    }

    private void remember(ResponseEntity<String> response) {
        String remaining = response.getHeaders().getFirst("Ratelimit-Remaining");
        String reset = response.getHeaders().getFirst("Ratelimit-Reset");
        if (remaining != null && reset != null && remaining.trim().equals("0")) {
            try {
                rateLimitedUntil.set(Instant.ofEpochSecond(Long.parseLong(reset.trim())));
            } catch (NumberFormatException ignored) {
                rateLimitedUntil.set(clock.instant().plus(TWITCH_DOWN_RETRY));
            }
        } else if (remaining != null) {
            rateLimitedUntil.set(null);
        }
    }
}
