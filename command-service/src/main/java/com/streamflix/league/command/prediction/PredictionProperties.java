package com.streamflix.league.command.prediction;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamflix.predictions.*}: {@code enabled} is the kill switch for channels that must not run wagers (off:
 * the endpoints answer 404); {@code max-wager} is RULES P1's upper bound.
 */
@Validated
@ConfigurationProperties("streamflix.predictions")
public record PredictionProperties(@DefaultValue("true") boolean enabled,
                                   @DefaultValue("10000") @Min(1) long maxWager) {
}
