package com.streamflix.league.command.vote;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code streamflix.votes.*}: a viewer's vote requests per second, and how many may come at once (the burst). */
@Validated
@ConfigurationProperties("streamflix.votes")
public record VoteProperties(@DefaultValue("5") @Min(1) int requestsPerSecond, @DefaultValue("10") @Min(1) int burst) {
}
