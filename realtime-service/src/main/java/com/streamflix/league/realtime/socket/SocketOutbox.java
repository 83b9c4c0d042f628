package com.streamflix.league.realtime.socket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One socket's outgoing messages. The event-processing thread only ever enqueues; a task on the shared sender pool
 * drains the queue, one task per socket at a time, so a viewer who stopped reading holds up neither the event
 * processing nor the other viewers (see {@link SocketSender} for the pool's one limit).
 * The queue is bounded: a socket that falls that far behind is closed and forgotten rather than silently skipping
 * messages it could not know it missed (its client reconnects and starts again from a snapshot).
 * <p>
 * Per stream, a socket takes only versions newer than the last it took, so a redelivered event or a push that raced
 * the snapshot never shows a client an older state. Until the snapshot is known, pushes wait aside, and follow it.
 */
public final class SocketOutbox {
    private static final Logger log = LoggerFactory.getLogger(SocketOutbox.class);
    /**
     * Tomcat's limit on one blocking send (its default is 20 s); past it the send fails and the socket is closed,
     * which frees the pool thread a stalled client was holding.
     */
    static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WebSocketSession session;
    /** When it joined its channel (a counter, see ChannelSockets): the oldest goes first when a channel is full. */
    volatile long registered;
    private final Executor sender;
    private final Executor closer;
    private final int capacity;
    private final Consumer<SocketOutbox> forget;
    private final BlockingQueue<WebSocketMessage<?>> queue;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    // guarded by this
    private final Map<String, Long> versions = new HashMap<>();
    private List<Push> waiting = new ArrayList<>(); // null once the snapshot is queued

    SocketOutbox(WebSocketSession session, Executor sender, Executor closer, int capacity, Duration sendTimeLimit,
                 Consumer<SocketOutbox> forget) {
        this.session = session;
        this.sender = sender;
        this.closer = closer;
        this.capacity = capacity;
        this.forget = forget;
        this.queue = new ArrayBlockingQueue<>(capacity);
        if (session instanceof StandardWebSocketSession standard) {
            standard.getNativeSession().getUserProperties().put(TOMCAT_BLOCKING_SEND_TIMEOUT, sendTimeLimit.toMillis());
        }
    }

    /**
     * Queues the snapshot, then whatever was pushed before ({@code earlier}) or meanwhile that is newer than it, in
     * version order (a stream's pushes arrive in version order; between streams order carries no meaning). The two
     * lists may overlap, so they are merged rather than sent one after the other. The newest push that carries the
     * channel's whole state, if newer than the stored snapshot, is sent in its place.
     */
    synchronized void start(Snapshot stored, List<Push> earlier) {
        if (closed.get()) {
            return;
        }
        List<Push> followers = new ArrayList<>(earlier);
        followers.addAll(waiting);
        waiting = null;
        followers.sort(Comparator.comparingLong(Push::version));
        Snapshot snapshot = newest(stored, followers);
        versions.putAll(snapshot.versions());
        enqueue(snapshot.message());
        followers.forEach(this::takeIfNewer);
    }

    private static Snapshot newest(Snapshot stored, List<Push> followers) {
        for (int i = followers.size() - 1; i >= 0; i--) {
            Push push = followers.get(i);
            if (push.wholeState()) {
                Long version = stored.versions().get(push.stream());
                if (version != null && push.version() <= version) {
                    return stored;
                }
                Map<String, Long> versions = new HashMap<>(stored.versions());
                versions.put(push.stream(), push.version());
                return new Snapshot(push.message(), versions);
            }
        }
        return stored;
    }

    synchronized void offer(Push push) {
        if (closed.get()) {
            return;
        }
        if (waiting == null) {
            takeIfNewer(push);
        } else if (waiting.size() < capacity) {
            waiting.add(push);
        } else {
            overflow();
        }
    }

    synchronized void ping() {
        if (!closed.get()) {
            enqueue(new PingMessage());
        }
    }

    private void takeIfNewer(Push push) {
        Long last = versions.get(push.stream());
        if (last != null && push.version() <= last) {
            return;
        }
        versions.put(push.stream(), push.version());
        enqueue(push.message());
    }

    private void enqueue(WebSocketMessage<?> message) {
        if (closed.get()) {
            return; // it overflowed while the snapshot's followers were queued
        }
        if (!queue.offer(message)) {
            overflow();
            return;
        }
        if (draining.compareAndSet(false, true)) {
            submit(this::drain);
        }
    }

    private void overflow() {
        log.debug("Socket {} fell {} messages behind; closing it", session.getId(), capacity);
        close(CloseStatus.SESSION_NOT_RELIABLE);
    }

    private void drain() {
        try {
            WebSocketMessage<?> next;
            while (!closed.get() && (next = queue.poll()) != null) {
                session.sendMessage(next);
            }
        } catch (IOException | RuntimeException failed) {
            // a broken connection, or a send past the time limit
            log.debug("Dropping socket {}: {}", session.getId(), failed.getMessage());
            close(CloseStatus.SESSION_NOT_RELIABLE);
        } finally {
            draining.set(false);
        }
        // a message queued after the last poll but before the flag was cleared found the flag set
        if (!closed.get() && !queue.isEmpty() && draining.compareAndSet(false, true)) {
            submit(this::drain);
        }
    }

    /**
     * Forgets the socket at once and closes it off the caller's thread (closing a stalled connection can block as
     * long as a send). Not waiting for the container's close callback matters: a stalled connection may report its
     * close late, and until then the socket would keep collecting messages.
     */
    void close(CloseStatus status) {
        if (!stop()) {
            return;
        }
        forget.accept(this);
        Runnable closing = () -> {
            try {
                session.close(status);
            } catch (IOException | RuntimeException alreadyGone) {
                // nothing left to close
            }
        };
        try {
            closer.execute(closing); // not on the send threads: a stalled close must not hold one
        } catch (RejectedExecutionException shuttingDown) {
            // the service is stopping; the container closes what is left
        }
    }

    /** Stops sending (the socket is closed or being closed); true the first time. */
    boolean stop() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        return true;
    }

    private void submit(Runnable task) {
        try {
            sender.execute(task);
        } catch (RejectedExecutionException shuttingDown) {
            stop();
        }
    }
}
