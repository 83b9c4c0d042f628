package com.streamflix.league.realtime.match;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How often a match's viewers may be sent its changing prediction pool ({@code PREDICTIONS_UPDATED}):
 * {@code streamflix.realtime.prediction-update-interval}, default 250 ms, per match and instance
 * ({@link PredictionUpdates}).
 */
@Validated
@ConfigurationProperties("streamflix.realtime")
public record PredictionUpdateProperties(@DefaultValue("250ms") @NotNull Duration predictionUpdateInterval) {

    public PredictionUpdateProperties {
        if (predictionUpdateInterval != null
                && (predictionUpdateInterval.isNegative() || predictionUpdateInterval.isZero())) {
            throw new IllegalArgumentException("streamflix.realtime.prediction-update-interval must be positive, got "
                    + predictionUpdateInterval);
        }
    }
}
