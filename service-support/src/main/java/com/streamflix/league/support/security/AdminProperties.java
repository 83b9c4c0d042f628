package com.streamflix.league.support.security;

import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code streamflix.admin.key}: the {@code X-Admin-Key} secret for automation (services with admin endpoints refuse
 * to start without it); {@code streamflix.admin.users}: Twitch user ids whose sessions are admins (the broadcaster
 * always is).
 */
@Validated
@ConfigurationProperties("streamflix.admin")
public record AdminProperties(
        @Size(min = 32, message = "streamflix.admin.key must be at least 32 characters") String key,
        List<String> users) {

    public AdminProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
