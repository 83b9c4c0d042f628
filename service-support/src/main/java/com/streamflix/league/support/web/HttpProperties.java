package com.streamflix.league.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code streamflix.http.max-body-size}: the largest request body any endpoint reads, Twitch webhooks included
 * ({@link BodySizeLimit}); the edge's {@code client_max_body_size} matches it.
 */
@ConfigurationProperties("streamflix.http")
public record HttpProperties(@DefaultValue("64KB") DataSize maxBodySize) {

    public HttpProperties {
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("streamflix.http.max-body-size must be positive");
        }
    }
}
