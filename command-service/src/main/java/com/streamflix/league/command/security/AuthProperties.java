package com.streamflix.league.command.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** {@code streamflix.auth.*}: where a finished login lands and how long a session lasts. */
@ConfigurationProperties("streamflix.auth")
public record AuthProperties(@DefaultValue("/") String successUrl, @DefaultValue("7d") Duration sessionTtl) {
}
