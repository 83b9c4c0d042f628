package com.streamflix.league.query.prediction;

import com.streamflix.league.support.web.ApiProblem;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.http.HttpStatus;

/**
 * {@code streamflix.predictions.enabled} (default true): the kill switch for channels that must not run wagers (issue
 * #11). Off, every prediction read ({@code /api/matches/{id}/predictions}, {@code /api/users/me/predictions}, the
 * leaderboard {@code by=won}) answers 404 and shows nothing. The projections keep running, so switching back on shows
 * the books as they are.
 */
@ConfigurationProperties("streamflix.predictions")
public record PredictionProperties(@DefaultValue("true") boolean enabled) {

    /** A 404 problem while predictions are off, as if the resource did not exist. */
    public void requireEnabled() {
        if (!enabled) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "predictions-disabled",
                    "Predictions are not offered on this channel");
        }
    }
}
