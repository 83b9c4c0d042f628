package com.streamflix.league.realtime.match;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class PredictionPushConfiguration {

    /** The match channel's throttled {@code PREDICTIONS_UPDATED}, on a scheduler thread of its own (closed on stop). */
    @Bean
    PredictionUpdates predictionUpdates(MatchSockets sockets, PredictionUpdateProperties properties) {
        return PredictionUpdates.scheduled(sockets::push, properties.predictionUpdateInterval());
    }
}
