package com.streamflix.league.support.ratelimit;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamflix.rate-limits.*} (issue #13): what one viewer or one address may send.
 *
 * @param userWritesPerSecond a signed-in viewer's writes (any method but GET, HEAD, OPTIONS), refilled per second
 * @param userWritesBurst     how many of them may come at once
 * @param loginsPerMinute     login attempts (the Twitch redirect and its return, the dev login) per client address
 * @param webhooksPerSecond   webhook deliveries per client address: Twitch sends from few addresses, and a 429 counts
 *                            against the subscription, so this only stops a flood
 */
@Validated
@ConfigurationProperties("streamflix.rate-limits")
public record RateLimitProperties(
        @DefaultValue("10") @Min(1) int userWritesPerSecond,
        @DefaultValue("30") @Min(1) int userWritesBurst,
        @DefaultValue("30") @Min(1) int loginsPerMinute,
        @DefaultValue("1000") @Min(1) int webhooksPerSecond) {
}
