package com.streamflix.league.realtime.match;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The key the match channel's vote tallies read (RULES V4: "at most a few times a second"), with its default. */
class VoteTallyPropertiesTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(VoteTallyProperties.class)
    static class Properties {
    }

    @Test
    void theTalliesGoAtMostEvery250msByDefault_V4() {
        context.run(beans -> assertThat(beans.getBean(VoteTallyProperties.class).voteTallyInterval())
                .isEqualTo(Duration.ofMillis(250)));
    }

    @Test
    void theOperatorSetsIt() {
        context.withPropertyValues("streamflix.realtime.vote-tally-interval=500ms")
                .run(beans -> assertThat(beans.getBean(VoteTallyProperties.class).voteTallyInterval())
                        .isEqualTo(Duration.ofMillis(500)));
    }

    @Test
    void anIntervalThatIsNotPositiveIsRefusedAtStart() {
        context.withPropertyValues("streamflix.realtime.vote-tally-interval=0s")
                .run(beans -> assertThat(beans).hasFailed());
    }
}
