package com.streamflix.league.realtime.match;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The predictions kill switch as the match channel reads it ({@code streamflix.predictions.enabled}, default true,
 * the same key the other services read): when off, no {@code PREDICTIONS_*} message is sent and a {@code SNAPSHOT}'s
 * {@code predictions} is null. The book is still stored with the match, so switching it back on shows it as it is.
 */
@ConfigurationProperties("streamflix.predictions")
public record PredictionsProperties(@DefaultValue("true") boolean enabled) {
    public static final PredictionsProperties ON = new PredictionsProperties(true);
    public static final PredictionsProperties OFF = new PredictionsProperties(false);
}
