package com.streamflix.league.support.eventstore;

import com.streamflix.league.support.web.ApiProblem;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The dead-letter queues of this service's processing groups, for admins (issue #13): {@code GET
 * /api/admin/dead-letters} lists what is parked and why; {@code POST /api/admin/dead-letters/{group}/retry} hands
 * every parked sequence back to its handlers, oldest first (what fails again stays parked, with its new cause).
 */
@RestController
@ConditionalOnProperty("streamflix.dead-letters.processing-groups")
public class DeadLetterController {
    /** At most this many parked events are listed per group. */
    private static final int LISTED = 100;

    private final EventProcessingConfiguration processing;
    private final DeadLetterProperties properties;

    public DeadLetterController(EventProcessingConfiguration processing, DeadLetterProperties properties) {
        this.processing = processing;
        this.properties = properties;
    }

    public record Parked(String eventId, String payloadType, String aggregateIdentifier,
                         Long sequenceNumber, Instant enqueuedAt, Instant lastTouched, String causeType,
                         String causeMessage) {
    }

    public record Group(String group, long parkedEvents, long parkedSequences, List<Parked> events) {
    }

    public record Retried(String group, int sequencesRetried, long stillParked) {
    }

    @GetMapping("/api/admin/dead-letters")
    public List<Group> list() {
        List<Group> groups = new ArrayList<>();
        for (String group : properties.processingGroups()) {
            SequencedDeadLetterQueue<EventMessage<?>> queue = queue(group);
            List<Parked> events = new ArrayList<>();
            for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                    if (events.size() < LISTED) {
                        events.add(parked(letter));
                    }
                }
            }
            groups.add(new Group(group, queue.size(), queue.amountOfSequences(), events));
        }
        return groups;
    }

    @PostMapping("/api/admin/dead-letters/{group}/retry")
    public Retried retry(@PathVariable String group) {
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing.sequencedDeadLetterProcessor(
                knownGroup(group)).orElseThrow();
        long sequences = queue(group).amountOfSequences();
        int retried = 0;
        // each parked sequence once: one that fails again is requeued (touched), so it is not picked again at once
        while (retried < sequences && processor.processAny()) {
            retried++;
        }
        return new Retried(group, retried, queue(group).size());
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(knownGroup(group)).orElseThrow();
    }

    private String knownGroup(String group) {
        if (!properties.processingGroups().contains(group)) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "No dead-letter queue for processing group "
                    + group + "; these have one: " + properties.processingGroups()).with("field", "group");
        }
        return group;
    }

    private static Parked parked(DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        DomainEventMessage<?> domain = message instanceof DomainEventMessage<?> d ? d : null;
        Cause cause = letter.cause().orElse(null);
        return new Parked(message.getIdentifier(),
                message.getPayloadType().getName(), domain == null ? null : domain.getAggregateIdentifier(),
                domain == null ? null : domain.getSequenceNumber(), letter.enqueuedAt(), letter.lastTouched(),
                cause == null ? null : cause.type(), cause == null ? null : cause.message());
    }
}
