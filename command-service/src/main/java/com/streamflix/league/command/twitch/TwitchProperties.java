package com.streamflix.league.command.twitch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.Map;

/**
 * {@code streamflix.twitch.*} (API.md). {@code rewards} maps a custom reward id to the points it credits;
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
        Map<String, Long> rewards) {

    public TwitchProperties {
        rewards = rewards == null ? Map.of() : Map.copyOf(rewards);
    }
}
