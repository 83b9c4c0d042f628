package com.streamflix.league.realtime.match;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * How often a running vote's viewers may be sent its tallies ({@code VOTE_TALLY}, RULES V4: "at most a few times a
 * second"): {@code streamflix.realtime.vote-tally-interval}, default 250 ms, per vote and instance
 * ({@link VoteTallies}).
 */
@Validated
@ConfigurationProperties("streamflix.realtime")
public record VoteTallyProperties(@DefaultValue("250ms") @NotNull Duration voteTallyInterval) {

    public VoteTallyProperties {
        if (voteTallyInterval != null && (voteTallyInterval.isNegative() || voteTallyInterval.isZero())) {
            throw new IllegalArgumentException("streamflix.realtime.vote-tally-interval must be positive, got "
                    + voteTallyInterval);
        }
    }
}
