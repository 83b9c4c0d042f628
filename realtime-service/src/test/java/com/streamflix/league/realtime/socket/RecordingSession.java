package com.streamflix.league.realtime.socket;

import org.springframework.http.HttpHeaders;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container's session as far as the sockets use it: records what is sent (and when), can be made to fail, or
 * to block in {@code sendMessage} like a client that stopped reading until it is closed or released.
 */
public class RecordingSession implements WebSocketSession {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String id = "session-" + IDS.incrementAndGet();
    private final Principal user;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final Queue<WebSocketMessage<?>> sent = new ConcurrentLinkedQueue<>();
    private volatile RuntimeException failure;
    private volatile CountDownLatch stalled;
    private final CountDownLatch sendBlocked = new CountDownLatch(1);
    private volatile CloseStatus closedWith;

    public RecordingSession(String userId) {
        this.user = userId == null ? null : () -> userId;
    }

    /** Every later send throws this (an {@link UncheckedIOException} as its IOException). */
    public void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    /** Every later send blocks until the session is closed or {@link #release()}d. */
    public void stall() {
        stalled = new CountDownLatch(1);
    }

    public void release() {
        CountDownLatch latch = stalled;
        stalled = null;
        if (latch != null) {
            latch.countDown();
        }
    }

    /** Waits until a send is blocked in a stalled session. */
    public boolean awaitBlockedSend(Duration timeout) throws InterruptedException {
        return sendBlocked.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public CloseStatus closedWith() {
        return closedWith;
    }

    public List<String> texts() {
        return sent.stream().filter(TextMessage.class::isInstance).map(m -> ((TextMessage) m).getPayload())
                .toList();
    }

    public List<WebSocketMessage<?>> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void sendMessage(WebSocketMessage<?> message) throws IOException {
        CountDownLatch latch = stalled;
        if (latch != null) {
            sendBlocked.countDown();
            try {
                latch.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        RuntimeException failure = this.failure;
        if (failure instanceof UncheckedIOException io) {
            throw io.getCause();
        }
        if (failure != null) {
            throw failure;
        }
        if (closedWith != null) {
            throw new IllegalStateException("closed");
        }
        sent.add(message);
    }

    @Override
    public void close(CloseStatus status) {
        closedWith = status;
        release(); // as a container does: closing the connection fails the blocked write
    }

    @Override
    public void close() {
        close(CloseStatus.NORMAL);
    }

    @Override
    public boolean isOpen() {
        return closedWith == null;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public Principal getPrincipal() {
        return user;
    }

    @Override
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    @Override
    public URI getUri() {
        return URI.create("ws://localhost/");
    }

    @Override
    public HttpHeaders getHandshakeHeaders() {
        return new HttpHeaders();
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return null;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return null;
    }

    @Override
    public String getAcceptedProtocol() {
        return null;
    }

    @Override
    public void setTextMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getTextMessageSizeLimit() {
        return 0;
    }

    @Override
    public void setBinaryMessageSizeLimit(int messageSizeLimit) {
    }

    @Override
    public int getBinaryMessageSizeLimit() {
        return 0;
    }

    @Override
    public List<WebSocketExtension> getExtensions() {
        return List.of();
    }
}
