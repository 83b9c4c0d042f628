package com.streamflix.league.support.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.streamflix.league.knockout.KnockoutBracket;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;

import java.time.Duration;
import java.util.List;

/**
 * The event store's table layout, shared by every service that reads or writes it.
 * <p>
 * The event tables live in schema {@code eventstore} (owned by command-service's migrations). Each service
 * keeps its own {@code token_entry} in its own schema, found through the connection's search_path, so
 * processors of different services never share tokens by accident and each service's Flyway owns its tables.
 * Names are snake_case (axon-notes.md §1.3) so a later move to JPA / Axon 5 stays a rename.
 */
public final class EventStoreTables {
    public static final String SCHEMA = "eventstore";
    public static final String DOMAIN_EVENTS = SCHEMA + ".domain_event_entry";
    public static final String SNAPSHOTS = SCHEMA + ".snapshot_event_entry";

    private EventStoreTables() {
    }

    public static EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable(DOMAIN_EVENTS)
                .snapshotTable(SNAPSHOTS)
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .metaDataColumn("meta_data")
                .build();
    }

    public static TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setTokenTypeColumn("token_type")
                .build();
    }

    /**
     * PostgreSQL reports a duplicate (aggregate id, sequence number) as SQLState 23505, which Axon's default
     * JDBC resolver does not recognise; without this a concurrent append is not a ConcurrencyException
     * (axon-notes.md §1.3), so it would not be retried.
     */
    public static PersistenceExceptionResolver duplicateKeyResolver() {
        return new SQLStateResolver("23505");
    }

    /**
     * Aggregate snapshots (command-service) are the aggregate's own fields as JSON: aggregates keep their state in
     * private fields without getters, and a snapshot that no longer reads (a field renamed) is skipped by Axon, which
     * then replays the whole stream, so a changed aggregate never loads wrong state.
     */
    public static Serializer snapshotSerializer() {
        ObjectMapper fields = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .addMixIn(KnockoutBracket.class, KnockoutBracketFields.class)
                .build();
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    /** A knockout bracket is its ranking, seed and halves draw; the rest it derives again when it is read back. */
    @JsonIgnoreProperties({"placeById", "entries"})
    private abstract static class KnockoutBracketFields {
        @JsonCreator
        KnockoutBracketFields(@JsonProperty("ranking") List<String> ranking, @JsonProperty("seed") long seed,
                              @JsonProperty("betterOnS") int betterOnS) {
        }
    }

    /** Axon's JDBC engine on our tables; mirrors Axon's Spring Boot auto-configuration of it. */
    public static JdbcEventStorageEngine storageEngine(Serializer snapshotSerializer, Serializer eventSerializer,
                                                       Configuration configuration,
                                                       ConnectionProvider connectionProvider,
                                                       TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(snapshotSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                .persistenceExceptionResolver(duplicateKeyResolver())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema())
                .batchSize(AGGREGATE_BATCH)
                // an aggregate's sequence numbers have no gaps, so a short batch is its last: without this the engine
                // reads once more, for nothing, on every aggregate load (axon-notes §11)
                .finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_BATCH)
                .build();
    }

    private static final int AGGREGATE_BATCH = 100;

    /**
     * The event store every service reads through. Events committed by another JVM are noticed when PostgreSQL
     * notifies us ({@link AppendedEventsListener}) or, as a safety net, when the store's producer polls again
     * (Axon's default pause of 1 s between empty polls is configurable here; axon-notes.md §2.3). One poll is one
     * indexed range query per JVM, whatever the number of processors.
     */
    public static NotifiedEventStore embeddedEventStore(EventStorageEngine engine, Configuration configuration,
                                                        Duration fetchDelay, AppendedEventsNotifier notifier) {
        return new NotifiedEventStore(EmbeddedEventStore.builder()
                .storageEngine(engine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(fetchDelay.toMillis()), notifier);
    }
}
