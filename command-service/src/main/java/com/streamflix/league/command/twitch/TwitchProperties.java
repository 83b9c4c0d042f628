package com.streamflix.league.command.twitch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * {@code streamflix.twitch.*} (API.md). {@code tokenEncryptionKey} encrypts the broadcaster's stored tokens
 * (at least 32 characters). {@code rewards} maps a custom reward id to the points it credits;
 * an unmapped reward credits its channel-point cost × {@code streamflix.points.per-channel-point} (RULES W1).
 */
@Validated
@ConfigurationProperties("streamflix.twitch")
public record TwitchProperties(
        String clientId,
        String clientSecret,
        String webhookSecret,
        String broadcasterId,
        @DefaultValue("https://api.twitch.tv/helix") String apiBaseUrl,
        @DefaultValue("https://id.twitch.tv/oauth2") String authBaseUrl,
        Map<String, Long> rewards,
        String tokenEncryptionKey,
        @DefaultValue("60s") Duration subscriberCacheTtl) {

    public TwitchProperties {
        rewards = rewards == null ? Map.of() : Map.copyOf(rewards);
    }
}
