package com.streamflix.league.support.eventstore;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * {@code streamflix.dead-letters.processing-groups}: the processing groups whose poison events are parked in the
 * dead-letter queue instead of stopping the group; {@code max-sequences}: how many sequences (aggregates) may be
 * parked per group before the group stops again (and alerts).
 */
@Validated
@ConfigurationProperties("streamflix.dead-letters")
public record DeadLetterProperties(List<String> processingGroups,
                                   @DefaultValue("1024") @Min(1) @Max(10_000) int maxSequences) {

    public DeadLetterProperties {
        processingGroups = processingGroups == null ? List.of() : List.copyOf(processingGroups);
    }
}
