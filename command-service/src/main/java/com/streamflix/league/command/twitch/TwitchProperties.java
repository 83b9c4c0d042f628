package com.streamflix.league.command.twitch;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.Map;

/**
 * {@code streamflix.twitch.*} (API.md). {@code tokenEncryptionKey} encrypts the broadcaster's stored tokens
 * (at least 32 characters). {@code rewards} maps a custom reward id to the points it credits;
 * an unmapped reward credits its channel-point cost × {@code streamflix.points.per-channel-point} (RULES W1).
 * {@code broadcasterId} is the channel's numeric Twitch user id: an empty one would silently ignore every redemption,
 * so it is refused; outside the dev profile a missing one is too (see CommandServiceConfiguration).
 */
@Validated
@ConfigurationProperties("streamflix.twitch")
public record TwitchProperties(
        String clientId,
        String clientSecret,
        String webhookSecret,
        @Pattern(regexp = "[0-9]{1,20}", message = "must be the channel's numeric Twitch user id") String broadcasterId,
        @DefaultValue("https://api.twitch.tv/helix") String apiBaseUrl,
        @DefaultValue("https://id.twitch.tv/oauth2") String authBaseUrl,
        Map<String, Long> rewards,
        String tokenEncryptionKey,
        @DefaultValue("60s") Duration subscriberCacheTtl) {

    public TwitchProperties {
        rewards = rewards == null ? Map.of() : Map.copyOf(rewards);
    }
}
