package com.streamflix.league.support.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.DependsOn;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * Axon's JDBC event store on the shared PostgreSQL tables (see {@link EventStoreTables}), the same in every service.
 * Every service migrates the event store's schema before using it, so services may start in any order.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    /** The event tables' own migrations, with their own Flyway history in schema {@code eventstore}. */
    @Bean
    EventStoreSchema eventStoreSchema(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource)
                .schemas(EventStoreTables.SCHEMA).defaultSchema(EventStoreTables.SCHEMA)
                .locations("classpath:db/eventstore")
                .load().migrate();
        return new EventStoreSchema();
    }

    /** Marks that the event store's tables exist. */
    public static final class EventStoreSchema {
    }

    @Bean
    TokenSchema tokenSchema() {
        return EventStoreTables.tokenSchema();
    }

    @Bean
    @DependsOn("eventStoreSchema")
    EventStorageEngine eventStorageEngine(@Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return EventStoreTables.storageEngine(EventStoreTables.snapshotSerializer(), eventSerializer, configuration,
                connectionProvider, transactionManager);
    }

    @Bean
    NotifiedEventStore eventStore(EventStorageEngine engine, Configuration configuration,
                                  @Value("${streamflix.eventstore.fetch-delay:250ms}") Duration fetchDelay,
                                  AppendedEventsNotifier notifier) {
        return EventStoreTables.embeddedEventStore(engine, configuration, fetchDelay, notifier);
    }
}
