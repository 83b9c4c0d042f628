package com.streamflix.league.command.prediction;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code streamflix.predictions.enabled=false}: the prediction endpoint does not exist (404 for any request). */
class PredictionKillSwitchTest {

    @Test
    void switchedOffThereIsNoPredictionEndpoint() {
        new ApplicationContextRunner()
                .withPropertyValues("streamflix.predictions.enabled=false")
                .withUserConfiguration(PredictionController.class)
                .run(context -> assertThat(context).doesNotHaveBean(PredictionController.class));
    }

    @Test
    void onByDefault() {
        new ApplicationContextRunner()
                .withUserConfiguration(PredictionController.class)
                .run(context -> assertThat(context).getFailure().hasMessageContaining("Predictions"));
    }
}
