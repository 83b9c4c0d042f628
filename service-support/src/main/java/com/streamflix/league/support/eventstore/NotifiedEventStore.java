package com.streamflix.league.support.eventstore;

import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store, with a way to wake its producer from outside: Axon only wakes it after a commit in
 * this JVM, and otherwise polls every {@code fetchDelay}. {@link AppendedEventsListener} calls {@link #wakeUp()}
 * when PostgreSQL says another JVM committed events; this JVM's own commits are announced by
 * {@link AppendedEventsNotifier}.
 */
public class NotifiedEventStore extends EmbeddedEventStore {
    private final AppendedEventsNotifier notifier;

    protected NotifiedEventStore(Builder builder, AppendedEventsNotifier notifier) {
        super(builder);
        this.notifier = notifier;
    }

    /** Appends, and has the commit announced once the database transaction (Spring's, if any) has committed. */
    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    notifier.committed();
                }
            });
        } else {
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> notifier.committed()));
        }
    }

    /** Fetches new events now if the producer is waiting (Axon's own after-commit hook). */
    public void wakeUp() {
        afterCommit(List.of());
    }
}
