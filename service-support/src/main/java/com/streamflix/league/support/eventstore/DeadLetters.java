package com.streamflix.league.support.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * A dead-letter queue per listed processing group (issue #13; Axon's {@code JdbcSequencedDeadLetterQueue}): an event
 * its handler cannot process is parked with its cause, together with the later events of the same sequence (one
 * aggregate's events stay in order), and the rest of the stream goes on. Admins list and retry parked events
 * ({@link DeadLetterController}); {@code streamflix_dead_letters} counts them per group.
 * <p>
 * Two things make that work on PostgreSQL:
 * <ul>
 * <li>Each handler call runs in a savepoint. PostgreSQL aborts the whole transaction on a failed statement, and Axon
 * parks the event in the batch's own transaction, so without the savepoint the parking would fail too and the batch
 * would be retried forever, exactly what the queue is for avoiding.</li>
 * <li>Temporary faults (the database unreachable, a deadlock, a serialization or lock conflict) are not parked: the
 * policy rethrows them, so the batch is rolled back and retried, as without a queue. Axon skips an event the policy
 * declines to park, so declining is never an option here.</li>
 * </ul>
 * Queries page through at most {@code max-sequences} parked sequences at once ({@code pageSize = maxSequences}):
 * Axon 4.13.0's JDBC queue can skip sequences past its first page (AxonFramework#4544, fixed in 4.13.2).
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /** SQLState classes of faults that pass: connection, transaction rollback, resources, operator intervention. */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57");
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Autowired
    void register(EventProcessingConfigurer processing, DeadLetterProperties properties,
                  ObjectProvider<ConnectionProvider> connections, ObjectProvider<TransactionManager> transactions,
                  @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer) {
        for (String group : properties.processingGroups()) {
            processing.registerDeadLetterQueue(group, configuration -> JdbcSequencedDeadLetterQueue.builder()
                    .processingGroup(group)
                    .connectionProvider(connections.getObject())
                    .transactionManager(transactions.getObject())
                    .schema(DeadLetterSchema.defaultSchema())
                    .genericSerializer(configuration.serializer())
                    .eventSerializer(eventSerializer.getObject())
                    .maxSequences(properties.maxSequences())
                    .pageSize(properties.maxSequences())
                    .build());
            processing.registerDeadLetterPolicy(group, configuration -> DeadLetters::decide);
            // whether a sequence is parked is remembered, not asked of the database for every event
            processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                    (configuration, builder) -> builder.enableSequenceIdentifierCache());
        }
    }

    /** Parks what will fail again; rethrows what may pass on a retry (see the class comment). */
    static EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isTransient(cause)) {
            log.warn("Temporary fault handling {}: the batch is retried", letter.message().getIdentifier(), cause);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
        log.error("Parking event {} ({}) in the dead-letter queue", letter.message().getIdentifier(),
                letter.message().getPayloadType().getSimpleName(), cause);
        return Decisions.enqueue(cause);
    }

    /** Whether a retry may succeed: a fault of the database's availability or of concurrency, not of the event. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof CannotGetJdbcConnectionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException || cause instanceof ConcurrencyException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))
                    || LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** A savepoint around each event handler of a dead-lettering group (see the class comment). */
    @Bean
    HandlerEnhancerDefinition savepointPerDeadLetteringHandler(DeadLetterProperties properties,
                                                               ObjectProvider<PlatformTransactionManager> transactions) {
        Set<String> groups = Set.copyOf(properties.processingGroups());
        // built once, on first use (the transaction manager may not exist yet when handlers are wrapped)
        java.util.function.Supplier<TransactionTemplate> savepoints = new java.util.function.Supplier<>() {
            private volatile TransactionTemplate template;

            @Override
            public TransactionTemplate get() {
                if (template == null) {
                    TransactionTemplate nested = new TransactionTemplate(transactions.getObject());
                    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
                    template = nested;
                }
                return template;
            }
        };
        return new HandlerEnhancerDefinition() {
            @Override
            public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
                ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
                if (group == null || !groups.contains(group.value())
                        || !original.canHandleMessageType(EventMessage.class)) {
                    return original;
                }
                return new WrappedMessageHandlingMember<>(original) {
                    @Override
                    public Object handle(Message<?> message, T target) throws Exception {
                        try {
                            return savepoints.get().execute(status -> {
                                try {
                                    return original.handle(message, target);
                                } catch (RuntimeException e) {
                                    throw e;
                                } catch (Exception e) {
                                    throw new CheckedFailure(e);
                                }
                            });
                        } catch (CheckedFailure failure) {
                            throw failure.exception;
                        }
                    }
                };
            }
        };
    }

    /**
     * Per group: the events parked, and how far the processor is behind the head of the event store (in events; the
     * lowest position over this instance's segments), for dashboards and alerts.
     */
    @Autowired
    void gauges(MeterRegistry meters, DeadLetterProperties properties, EventProcessingConfiguration processing,
                JdbcTemplate jdbc) {
        for (String group : properties.processingGroups()) {
            Gauge.builder("streamflix.dead.letters", () -> processing.deadLetterQueue(group)
                            .map(queue -> (double) queue.size()).orElse(Double.NaN))
                    .description("Events parked in the dead-letter queue").tag("group", group).register(meters);
            Gauge.builder("streamflix.processor.lag", () -> lag(processing, jdbc, group))
                    .description("Events appended to the store that the processor has not reached yet")
                    .baseUnit("events").tag("group", group).register(meters);
        }
    }

    private static double lag(EventProcessingConfiguration processing, JdbcTemplate jdbc, String group) {
        var positions = processing.eventProcessor(group, StreamingEventProcessor.class)
                .map(processor -> processor.processingStatus().values().stream()
                        .mapToLong(status -> status.getCurrentPosition().orElse(-1)).min())
                .orElse(java.util.OptionalLong.empty());
        if (positions.isEmpty()) {
            return Double.NaN; // no segment claimed here
        }
        Long head = jdbc.queryForObject("SELECT coalesce(max(global_index), -1) FROM eventstore.domain_event_entry",
                Long.class);
        return Math.max(0, (head == null ? -1 : head) - positions.getAsLong());
    }

    /** Carries a handler's checked exception through the savepoint's callback. */
    private static final class CheckedFailure extends RuntimeException {
        private final Exception exception;

        CheckedFailure(Exception exception) {
            super(exception);
            this.exception = exception;
        }
    }
}
