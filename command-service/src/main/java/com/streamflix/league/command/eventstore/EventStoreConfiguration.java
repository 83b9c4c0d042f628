package com.streamflix.league.command.eventstore;

import com.streamflix.league.api.eventstore.EventStoreTables;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;

import java.time.Duration;

/** Axon's JDBC event store on the shared PostgreSQL tables (see {@link EventStoreTables}). */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    @Bean
    TokenSchema tokenSchema() {
        return EventStoreTables.tokenSchema();
    }

    @Bean
    EventStorageEngine eventStorageEngine(Serializer serializer, @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return EventStoreTables.storageEngine(serializer, eventSerializer, configuration, connectionProvider,
                transactionManager);
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine engine, Configuration configuration,
                                  @Value("${streamflix.eventstore.fetch-delay:50ms}") Duration fetchDelay) {
        return EventStoreTables.embeddedEventStore(engine, configuration, fetchDelay);
    }
}
