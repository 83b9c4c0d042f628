package com.streamflix.league.support.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code streamflix.jwt.secret} signs the session cookie (HS256 needs at least 256 bits, so 32 characters);
 * {@code streamflix.allowed-origins} lists the origins cookie-authenticated writes may come from.
 * The service refuses to start without them.
 */
@Validated
@ConfigurationProperties("streamflix")
public record SessionProperties(@NotNull(message = "streamflix.jwt.secret is required") @Valid Jwt jwt, List<String> allowedOrigins) {

    public SessionProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }

    public record Jwt(@NotBlank @Size(min = 32, message = "must be at least 32 characters (HS256)") String secret) {
    }
}
