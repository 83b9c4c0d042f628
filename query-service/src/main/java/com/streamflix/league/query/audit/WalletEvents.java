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
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
    public record Stored(String userId, long sequenceNumber, long globalIndex, String eventId, String payloadType,
                         String timestamp, Object payload) {
    }

    /**
     * How far a reader has seen the store: every event up to {@code high} except the {@code gaps}, indexes not seen
     * (yet) because their transaction had not committed, or never will. As Axon's own event readers do (its
     * {@code maxGapOffset}), only gaps within {@link #GAP_WINDOW} of the head are kept: a transaction that stays
     * uncommitted while that many later events are appended is not waited for.
     */
    public static final class Position {
        static final long GAP_WINDOW = 10_000;
        private long high = -1;
        private TreeSet<Long> gaps = new TreeSet<>();
        /** During a pass: its head, and what it saw that can still matter (the gaps, the window below the head). */
        private long passHead = -1;
        private final Set<Long> seen = new java.util.HashSet<>();

        void begin(long head) {
            passHead = head;
            seen.clear();
        }

        void saw(long globalIndex) {
            if (globalIndex > passHead - GAP_WINDOW || gaps.contains(globalIndex)) {
                seen.add(globalIndex);
            }
        }

        void finish() {
            TreeSet<Long> next = new TreeSet<>();
            for (long gap : gaps) {
                if (!seen.contains(gap)) {
                    next.add(gap);
                }
            }
            for (long index = Math.max(high + 1, passHead - GAP_WINDOW + 1); index <= passHead; index++) {
                if (!seen.contains(index)) {
                    next.add(index);
                }
            }
            high = Math.max(high, passHead);
            next.removeIf(gap -> gap <= high - GAP_WINDOW);
            gaps = next;
            seen.clear();
        }

        long high() {
            return high;
        }
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
    public <T> T inSnapshot(Supplier<T> work) {
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

    /** Every wallet's events in one snapshot, and where that leaves {@code position}. */
    public void all(Set<Class<?>> payloads, Position position, Consumer<Stored> each) {
        inSnapshot(() -> {
            long head = head();
            position.begin(head);
            read("", List.of(), payloads, event -> { // the snapshot sees nothing past the head
                position.saw(event.globalIndex());
                each.accept(event);
            });
            position.finish();
            return null;
        });
    }

    /**
     * The wallet events appended since {@code position} (after its high mark, or in its gaps), in one snapshot; the
     * position moves on. An index-range read: its cost follows what is new, not the store's size.
     */
    public List<Stored> since(Position position, Set<Class<?>> payloads) {
        return inSnapshot(() -> {
            long head = head();
            position.begin(head);
            List<Stored> events = new ArrayList<>();
            read("AND (e.global_index > ? AND e.global_index <= ? OR e.global_index = ANY (?))",
                    List.of(position.high(), head, position.gaps.toArray(Long[]::new)), payloads, event -> {
                        position.saw(event.globalIndex());
                        events.add(event);
                    });
            position.finish();
            return events;
        });
    }

    /** One wallet's events. */
    public void ofUser(String userId, Set<Class<?>> payloads, Consumer<Stored> each) {
        read("AND e.aggregate_identifier = ?", List.of(userId), payloads, each);
    }

    private long head() {
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM eventstore.domain_event_entry",
                Long.class);
        return head == null ? -1 : head;
    }

    private void read(String condition, List<Object> parameters, Set<Class<?>> payloads, Consumer<Stored> each) {
        String[] types = payloads.stream().map(Class::getName).toArray(String[]::new);
        List<Object> arguments = new ArrayList<>();
        arguments.add(types);
        arguments.add(AGGREGATE_TYPE);
        arguments.addAll(parameters);
        snapshot.executeWithoutResult(status -> jdbc.query("""
                        SELECT e.aggregate_identifier, e.sequence_number, e.global_index, e.event_identifier,
                               e.payload_type, e.payload_revision, e.time_stamp,
                               CASE WHEN e.payload_type = ANY (?) THEN e.payload END
                        FROM eventstore.domain_event_entry e
                        WHERE e.type = ? %s
                        ORDER BY e.aggregate_identifier, e.sequence_number""".formatted(condition),
                rs -> {
                    byte[] payload = rs.getBytes(8);
                    each.accept(new Stored(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(7), payload == null ? null
                            : deserialize(payload, rs.getString(5), rs.getString(6))));
                },
                arguments.toArray()));
    }

    private Object deserialize(byte[] payload, String type, String revision) {
        SerializedObject<byte[]> serialized = new SimpleSerializedObject<>(payload, byte[].class, type, revision);
        return serializer.deserialize(serialized);
    }
}
