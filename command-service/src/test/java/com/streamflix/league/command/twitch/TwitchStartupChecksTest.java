package com.streamflix.league.command.twitch;

import com.streamflix.league.command.config.CommandServiceConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.autoconfigure.web.client.RestClientAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up refusals (issue #13): outside the dev profile the channel must be named (else redemptions of any channel
 * would be credited, RULES W1), an empty or non-numeric channel is refused everywhere (else every redemption would be
 * silently ignored), and no configured reward may credit more than one redemption may.
 */
class TwitchStartupChecksTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TwitchProperties.class, PointsProperties.class})
    @Import({CommandServiceConfiguration.class, ChannelPointsRedemptions.class})
    static class TwitchSettings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class, RestClientAutoConfiguration.class))
            .withUserConfiguration(TwitchSettings.class)
            .withPropertyValues("streamflix.twitch.client-id=client", "streamflix.twitch.client-secret=secret",
                    "streamflix.twitch.webhook-secret=startup-webhook-secret");

    @Test
    void withoutABroadcasterIdTheServiceDoesNotStart_W1() {
        runner.run(context -> assertThat(context).getFailure().hasStackTraceContaining("broadcaster-id"));
    }

    @Test
    void anEmptyOrNonNumericBroadcasterIdIsRefusedInEveryProfile_W1() {
        for (String profile : new String[]{"default", "dev"}) {
            for (String id : new String[]{"", "cool_user", "-1337"}) {
                runner.withPropertyValues("spring.profiles.active=" + profile, "streamflix.twitch.broadcaster-id=" + id)
                        .run(context -> assertThat(context).as("'" + id + "' in " + profile).getFailure()
                                .hasStackTraceContaining("broadcasterId"));
            }
        }
    }

    @Test
    void aNumericBroadcasterIdStarts_W1() {
        runner.withPropertyValues("streamflix.twitch.broadcaster-id=1337")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void theDevProfileStartsWithoutABroadcasterId() {
        runner.withPropertyValues("spring.profiles.active=dev")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aConfiguredRewardAboveTheRedemptionCapIsRefused_W1() {
        runner.withPropertyValues("streamflix.twitch.broadcaster-id=1337", "streamflix.points.max-per-redemption=1000",
                        "streamflix.twitch.rewards.big=1001")
                .run(context -> assertThat(context).getFailure()
                        .hasStackTraceContaining("streamflix.twitch.rewards.big"));
        runner.withPropertyValues("streamflix.twitch.broadcaster-id=1337", "streamflix.points.max-per-redemption=1000",
                        "streamflix.twitch.rewards.big=1000")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aRedemptionCapOutsideItsBoundsIsRefused_W1() {
        for (String cap : new String[]{"0", "1000000000001"}) {
            runner.withPropertyValues("streamflix.twitch.broadcaster-id=1337", "streamflix.points.max-per-redemption=" + cap)
                    .run(context -> assertThat(context).as(cap).getFailure()
                            .hasStackTraceContaining("maxPerRedemption"));
        }
    }
}
