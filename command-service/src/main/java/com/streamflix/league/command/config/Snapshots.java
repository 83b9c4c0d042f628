package com.streamflix.league.command.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Streams that stay short to load: a snapshot of an aggregate every {@value #EVENTS_BETWEEN_SNAPSHOTS} events, so a
 * viewer who votes all evening (two events a cast), a match with a full prediction book or a tournament at its final
 * loads from its last snapshot plus a few events. Snapshots are taken on their own thread after the commit, never on
 * the request that crossed the threshold (Axon's default would take it there, axon-notes §4.1).
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class Snapshots {
    public static final String TRIGGER = "snapshotTrigger";
    static final int EVENTS_BETWEEN_SNAPSHOTS = 50;

    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "snapshotter");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Axon's snapshotter with its own thread; Axon's auto-configured one steps aside for it. */
    @Bean
    SpringAggregateSnapshotter snapshotter(Configuration configuration, HandlerDefinition handlerDefinition,
                                           ParameterResolverFactory parameterResolverFactory, EventStore eventStore,
                                           TransactionManager transactionManager, SnapshotterSpanFactory spanFactory,
                                           ExecutorService snapshotExecutor) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(snapshotExecutor)
                .build();
    }

    @Bean(TRIGGER)
    SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, EVENTS_BETWEEN_SNAPSHOTS);
    }
}
