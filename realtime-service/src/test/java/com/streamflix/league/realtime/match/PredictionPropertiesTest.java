package com.streamflix.league.realtime.match;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The keys the match channel's predictions read: the kill switch and the update interval, with their defaults. */
class PredictionPropertiesTest {
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({PredictionsProperties.class, PredictionUpdateProperties.class})
    static class Properties {
    }

    @Test
    void predictionsAreOnAndThePoolGoesAtMostEvery250msByDefault() {
        context.run(beans -> {
            assertThat(beans.getBean(PredictionsProperties.class).enabled()).isTrue();
            assertThat(beans.getBean(PredictionUpdateProperties.class).predictionUpdateInterval())
                    .isEqualTo(Duration.ofMillis(250));
        });
    }

    @Test
    void theOperatorSetsBoth() {
        context.withPropertyValues("streamflix.predictions.enabled=false",
                "streamflix.predictions.max-wager=500", // the command side's key, under the same prefix
                "streamflix.realtime.prediction-update-interval=1s").run(beans -> {
            assertThat(beans.getBean(PredictionsProperties.class).enabled()).isFalse();
            assertThat(beans.getBean(PredictionUpdateProperties.class).predictionUpdateInterval())
                    .isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void anIntervalThatIsNotPositiveIsRefusedAtStart() {
        context.withPropertyValues("streamflix.realtime.prediction-update-interval=0s")
                .run(beans -> assertThat(beans).hasFailed());
    }
}
