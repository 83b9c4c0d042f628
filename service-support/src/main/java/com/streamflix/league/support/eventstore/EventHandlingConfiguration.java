package com.streamflix.league.support.eventstore;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * A failing event handler fails its batch, so the processor rolls back and retries it (with back-off) instead of
 * Axon's default of logging the error and moving on: a projection never silently skips a ledger event, and a
 * handler that sends commands (a slot release) never silently drops one. Handlers are idempotent, so a retry is safe.
 */
@Configuration(proxyBeanMethods = false)
public class EventHandlingConfiguration {

    @Autowired
    void failuresAreRetried(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }
}
