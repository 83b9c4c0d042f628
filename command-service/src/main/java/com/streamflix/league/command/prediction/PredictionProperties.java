package com.streamflix.league.command.prediction;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code streamflix.predictions.max-wager}: RULES P1's upper bound. (The kill switch {@code
 * streamflix.predictions.enabled} is read by {@link PredictionController}'s condition: off, the endpoint does not exist.)
 */
@Validated
@ConfigurationProperties("streamflix.predictions")
public record PredictionProperties(@DefaultValue("10000") @Min(1) long maxWager) {
}
