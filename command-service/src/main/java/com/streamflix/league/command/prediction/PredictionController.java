package com.streamflix.league.command.prediction;

import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.support.web.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/matches/{id}/predictions} (a viewer's session, RULES P1): {@code participantId} (or the player's
 * user id) and a wager of 1 to {@code streamflix.predictions.max-wager}. Refusals: 409 when the book is locked, the
 * balance too low, or the viewer already predicted (showing the first); 403 banned; 422 a stranger to the match;
 * 404 when predictions are switched off (the endpoint does not exist then, whatever the request).
 */
@RestController
@ConditionalOnProperty(name = "streamflix.predictions.enabled", havingValue = "true", matchIfMissing = true)
public class PredictionController {
    private final Predictions predictions;
    private final PredictionProperties properties;

    public PredictionController(Predictions predictions, PredictionProperties properties) {
        this.predictions = predictions;
        this.properties = properties;
    }

    public record NewPrediction(@NotBlank @Size(max = 64) String participantId, @NotNull Long wager) {
    }

    public record Placed(String predictionId, String matchId, String participantId, long wager, long balance,
                         PredictionPool pool) {
    }

    @PostMapping("/api/matches/{matchId}/predictions")
    public Placed place(@PathVariable @Pattern(regexp = "[A-Za-z0-9-]{1,64}") String matchId,
                        @Valid @RequestBody NewPrediction body, @AuthenticationPrincipal Jwt session) {
        if (body.wager() < 1 || body.wager() > properties.maxWager()) {
            throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request",
                    "wager must be between 1 and " + properties.maxWager()).with("field", "wager");
        }
        var placed = predictions.place(matchId, session.getSubject(), body.participantId(), body.wager());
        var p = placed.prediction();
        return new Placed(p.predictionId(), matchId, p.participantId(), p.wager(), placed.balance(), p.pool());
    }
}
