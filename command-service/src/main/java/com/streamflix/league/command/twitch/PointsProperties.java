package com.streamflix.league.command.twitch;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code streamflix.points.*}: how channel points convert into league points (RULES W1). */
@Validated
@ConfigurationProperties("streamflix.points")
public record PointsProperties(@DefaultValue("1") @Min(1) long perChannelPoint) {
}
