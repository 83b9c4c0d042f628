package com.streamflix.league.realtime.socket;

import org.springframework.web.socket.WebSocketSession;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends to sockets off the event-processing thread: a small pool shared by every socket of every channel, each
 * socket with its own bounded {@link SocketOutbox}. A healthy send only copies a frame into the connection's buffer,
 * so a few threads serve thousands of sockets. A stalled client holds a thread for the send time limit at most
 * (then its socket is closed); only as many stalled clients at once as there are threads could delay the others,
 * and by that limit at most. (Java 17 has no virtual threads to give each socket its own.)
 */
public final class SocketSender implements AutoCloseable {
    private final Executor executor;
    /** Closes run apart from sends: closing a stalled connection can block as long as a send, holding a thread. */
    private final Executor closer;
    private final int queueCapacity;
    private final Duration sendTimeLimit;
    private final List<ChannelSockets> channels = new CopyOnWriteArrayList<>();

    public SocketSender(Executor executor, int queueCapacity, Duration sendTimeLimit) {
        this(executor, executor, queueCapacity, sendTimeLimit);
    }

    public SocketSender(Executor executor, Executor closer, int queueCapacity, Duration sendTimeLimit) {
        this.executor = executor;
        this.closer = closer;
        this.queueCapacity = queueCapacity;
        this.sendTimeLimit = sendTimeLimit;
    }

    /** The service's sender, sized by {@code streamflix.realtime.*}. */
    public static SocketSender pooled(SocketProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = new Thread(task, "socket-send-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // unbounded task queue: it holds at most one drain task per socket (and a close per closing socket)
        var pool = new ThreadPoolExecutor(properties.sendThreads(), properties.sendThreads(), 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), named);
        AtomicInteger closers = new AtomicInteger();
        var closer = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "socket-close-" + closers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        return new SocketSender(pool, closer, properties.sendQueue(), properties.sendTimeout());
    }

    /** A new channel's sockets, sent through this sender and pinged with the others. */
    public ChannelSockets channel() {
        return channel(Integer.MAX_VALUE);
    }

    /** As {@link #channel()}, each channel holding at most {@code maxPerChannel} sockets (the oldest go first). */
    public ChannelSockets channel(int maxPerChannel) {
        ChannelSockets channel = new ChannelSockets(this, maxPerChannel);
        channels.add(channel);
        return channel;
    }

    SocketOutbox outbox(WebSocketSession session, Consumer<SocketOutbox> forget) {
        return new SocketOutbox(session, executor, closer, queueCapacity, sendTimeLimit, forget);
    }

    /** Keeps idle connections (and the proxies between) open. */
    public void pingAll() {
        channels.forEach(ChannelSockets::pingAll);
    }

    @Override
    public void close() {
        if (executor instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
        if (closer != executor && closer instanceof ExecutorService pool) {
            pool.shutdownNow();
        }
    }
}
