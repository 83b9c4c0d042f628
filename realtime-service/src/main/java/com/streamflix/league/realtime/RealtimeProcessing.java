package com.streamflix.league.realtime;

import com.streamflix.league.realtime.match.MatchPusher;
import com.streamflix.league.realtime.wallet.BalancePusher;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The push processors are per instance and live only: each realtime instance must see every event (a channel's
 * sockets may sit on any instance), so their tokens live in memory and start at the head of the stream. History is
 * not pushed; a new socket gets its snapshot from the shared, stored processors (WalletBalances, MatchSnapshots,
 * VoteSnapshots).
 */
@Configuration(proxyBeanMethods = false)
public class RealtimeProcessing {
    static final List<String> LIVE_PUSHES = List.of(BalancePusher.PROCESSING_GROUP, MatchPusher.PROCESSING_GROUP);

    @Autowired
    void configure(EventProcessingConfigurer processing) {
        for (String group : LIVE_PUSHES) {
            processing.registerTokenStore(group, config -> new InMemoryTokenStore());
            processing.registerTrackingEventProcessorConfiguration(group, config ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andBatchSize(100)
                            .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
        }
    }
}
