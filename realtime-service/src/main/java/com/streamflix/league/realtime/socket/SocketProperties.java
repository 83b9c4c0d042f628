package com.streamflix.league.realtime.socket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How this instance sends to its sockets ({@code streamflix.realtime.*}; {@code ping-interval} is read by
 * {@link SocketConfiguration}'s keep-alive).
 *
 * @param sendThreads  the pool every socket's sends share
 * @param sendQueue    messages a socket may fall behind before it is closed
 * @param sendTimeout  how long one send may block before the socket is closed
 */
@Validated
@ConfigurationProperties("streamflix.realtime")
public record SocketProperties(
        @DefaultValue("4") @Min(1) @Max(64) int sendThreads,
        @DefaultValue("64") @Min(4) int sendQueue,
        @DefaultValue("2s") @NotNull Duration sendTimeout) {
}
