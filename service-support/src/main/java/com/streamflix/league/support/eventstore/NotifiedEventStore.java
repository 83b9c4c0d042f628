package com.streamflix.league.support.eventstore;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, with a way to wake its producer from outside: Axon only wakes it after a commit in
 * this JVM, and otherwise polls every {@code fetchDelay}. {@link AppendedEventsListener} calls {@link #wakeUp()}
 * when PostgreSQL says another JVM committed events.
 */
public class NotifiedEventStore extends EmbeddedEventStore {

    protected NotifiedEventStore(Builder builder) {
        super(builder);
    }

    /** Fetches new events now if the producer is waiting (Axon's own after-commit hook). */
    public void wakeUp() {
        afterCommit(List.of());
    }
}
