package com.streamflix.league.realtime;

import com.streamflix.league.realtime.socket.Push;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;


/**
 * The live pushers share one processor ({@link Push#LIVE_PROCESSING_GROUP}), per instance and live only: each realtime instance must see every event (a channel's
 * sockets may sit on any instance), so their tokens live in memory and start at the head of the stream. History is
 * not pushed; a new socket gets its snapshot from the shared, stored processors (WalletBalances, MatchSnapshots,
 * VoteSnapshots).
 */
@Configuration(proxyBeanMethods = false)
public class RealtimeProcessing {
    @Autowired
    void configure(EventProcessingConfigurer processing) {
        processing.registerTokenStore(Push.LIVE_PROCESSING_GROUP, config -> new InMemoryTokenStore());
        processing.registerTrackingEventProcessorConfiguration(Push.LIVE_PROCESSING_GROUP, config ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(100)
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }
}
