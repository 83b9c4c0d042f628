package com.streamflix.league.query.audit;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Wallets' event streams read straight from the event store (never from a projection): one wallet after another,
 * each in sequence order, through a database cursor, so memory does not grow with the store. Payloads are
 * deserialized only for the types a reader asks for; the rest come with their position alone.
 */
@Component
public class WalletEvents {
    static final String AGGREGATE_TYPE = "UserWallet";
    /** Rows per round trip of the cursor. */
    private static final int FETCH_SIZE = 2_000;

    /** One stored wallet event: {@code payload} is null unless its type was asked for. */
    public record Stored(String userId, long sequenceNumber, String eventId, String payloadType, String timestamp,
                         Object payload) {
    }

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate snapshot;

    public WalletEvents(DataSource dataSource, @Qualifier("eventSerializer") Serializer serializer,
                        PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(FETCH_SIZE); // a cursor needs a transaction: see snapshot
        this.serializer = serializer;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * Runs {@code work} in one read-only snapshot of the database (repeatable read): every read inside it, the event
     * store's and the projections', sees the same moment.
     */
    public <T> T inSnapshot(java.util.function.Supplier<T> work) {
        return snapshot.execute(status -> work.get());
    }

    /** How many wallet events the store holds (a job's progress total). */
    public long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM eventstore.domain_event_entry WHERE type = ?",
                Long.class, AGGREGATE_TYPE);
        return count == null ? 0 : count;
    }

    /** Every wallet's events, in one consistent snapshot of the store. */
    public void all(Set<Class<?>> payloads, Consumer<Stored> each) {
        read("", List.of(), payloads, each);
    }

    /** One wallet's events. */
    public void ofUser(String userId, Set<Class<?>> payloads, Consumer<Stored> each) {
        read("AND e.aggregate_identifier = ?", List.of(userId), payloads, each);
    }

    /**
     * The events a table of replayed wallets ({@code user_id}, {@code replayed_version}) has not seen yet: the wallets
     * it lacks and every event after the version it has. Runs in the caller's transaction when there is one.
     */
    public void notYetIn(String replayedTable, Set<Class<?>> payloads, Consumer<Stored> each) {
        // a join, not a subquery per event: one pass over the store with a hash of the replayed wallets
        read("LEFT JOIN " + replayedTable + " r ON r.user_id = e.aggregate_identifier",
                "AND e.sequence_number > coalesce(r.replayed_version, -1)", List.of(), payloads, each);
    }

    private void read(String condition, List<Object> parameters, Set<Class<?>> payloads, Consumer<Stored> each) {
        read("", condition, parameters, payloads, each);
    }

    private void read(String join, String condition, List<Object> parameters, Set<Class<?>> payloads,
                      Consumer<Stored> each) {
        String[] types = payloads.stream().map(Class::getName).toArray(String[]::new);
        List<Object> arguments = new ArrayList<>();
        arguments.add(types);
        arguments.add(AGGREGATE_TYPE);
        arguments.addAll(parameters);
        snapshot.executeWithoutResult(status -> jdbc.query("""
                        SELECT e.aggregate_identifier, e.sequence_number, e.event_identifier, e.payload_type,
                               e.payload_revision, e.time_stamp,
                               CASE WHEN e.payload_type = ANY (?) THEN e.payload END
                        FROM eventstore.domain_event_entry e %s
                        WHERE e.type = ? %s
                        ORDER BY e.aggregate_identifier, e.sequence_number""".formatted(join, condition),
                rs -> {
                    byte[] payload = rs.getBytes(7);
                    each.accept(new Stored(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(6), payload == null ? null : deserialize(payload, rs.getString(4),
                            rs.getString(5))));
                },
                arguments.toArray()));
    }

    private Object deserialize(byte[] payload, String type, String revision) {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(payload, byte[].class, type, revision);
        return serializer.deserialize(serialized);
    }
}
