package com.streamflix.league.command.security;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code streamflix.admin.key}: the {@code X-Admin-Key} secret for automation; {@code streamflix.admin.users}: Twitch
 * user ids whose sessions are admins (the broadcaster always is).
 */
@Validated
@ConfigurationProperties("streamflix.admin")
public record AdminProperties(
        @NotBlank(message = "streamflix.admin.key is required")
        @Size(min = 32, message = "streamflix.admin.key must be at least 32 characters") String key,
        List<String> users) {

    public AdminProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }
}
