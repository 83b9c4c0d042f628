package com.streamflix.league.realtime.wallet;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/** The push processor is per instance and live only: its token lives in memory and starts at the head. */
@Configuration(proxyBeanMethods = false)
public class RealtimeProcessing {

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerTokenStore(BalancePusher.PROCESSING_GROUP, config -> new InMemoryTokenStore());
        processing.registerTrackingEventProcessorConfiguration(BalancePusher.PROCESSING_GROUP, config ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
