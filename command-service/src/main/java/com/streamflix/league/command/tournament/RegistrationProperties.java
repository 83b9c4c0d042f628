package com.streamflix.league.command.tournament;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code streamflix.registration.max-active}: RULES R2's cap on a user's active registrations (default 3). */
@Validated
@ConfigurationProperties("streamflix.registration")
public record RegistrationProperties(@DefaultValue("3") @Min(1) int maxActive) {
}
