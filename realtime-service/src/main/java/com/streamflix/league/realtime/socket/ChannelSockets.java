package com.streamflix.league.realtime.socket;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The sockets this instance holds on one kind of channel (a user's, a match's), by channel id; every socket of a
 * channel gets every push. A push and a new socket's snapshot can race without a client ever seeing a state go back:
 * <ol>
 * <li>a new socket is registered before its snapshot is read, so no push falls between the two (pushes that arrive
 * meanwhile wait in its outbox);</li>
 * <li>the snapshot is read from a store whose processor may lag the pushes by a few ms, so the channel remembers its
 * recent pushes: those newer than the snapshot follow it, and one that carries the whole state stands in for it.
 * That bridges a store up to {@value #RECENT_LIMIT} pushes (kept for a minute at least) behind; one further behind is
 * broken, and its viewers would miss the changes in between;</li>
 * <li>per stream, a socket only takes growing versions ({@link SocketOutbox}).</li>
 * </ol>
 */
public final class ChannelSockets {
    /** How long pushes are remembered for sockets whose snapshot lags: far longer than the store's processor lags. */
    private static final Duration RECENT = Duration.ofMinutes(1);
    private static final int RECENT_LIMIT = 64;
    private static final String OUTBOX = SocketOutbox.class.getName();
    static final CloseStatus TOO_MANY = CloseStatus.POLICY_VIOLATION.withReason("too many open sockets for this user");

    private final SocketSender sender;
    /** Sockets one channel may hold; a new one beyond closes the channel's oldest (1008). */
    private final int maxPerChannel;
    private final Map<String, Set<SocketOutbox>> byChannel = new ConcurrentHashMap<>();
    /** Registration order, to find a channel's oldest socket. */
    private final java.util.concurrent.atomic.AtomicLong registrations = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Recent> recent = new ConcurrentHashMap<>();

    ChannelSockets(SocketSender sender, int maxPerChannel) {
        this.sender = sender;
        this.maxPerChannel = maxPerChannel;
    }

    public void register(String channel, WebSocketSession session, Supplier<Snapshot> stored) {
        SocketOutbox outbox = sender.outbox(session, closed -> forget(channel, closed));
        outbox.registered = registrations.incrementAndGet();
        session.getAttributes().put(OUTBOX, outbox);
        List<SocketOutbox> evicted = new java.util.ArrayList<>();
        // Atomically, not computeIfAbsent(...).add(...): the channel's last socket closing in between would remove
        // the set from the map, and this socket would join an orphaned set, never to be pushed to.
        byChannel.compute(channel, (id, sockets) -> {
            Set<SocketOutbox> set = sockets != null ? sockets : ConcurrentHashMap.newKeySet();
            while (set.size() >= maxPerChannel) {
                SocketOutbox oldest = set.stream().min(java.util.Comparator.comparingLong(o -> o.registered))
                        .orElseThrow();
                set.remove(oldest);
                evicted.add(oldest);
            }
            set.add(outbox);
            return set;
        });
        evicted.forEach(oldest -> oldest.close(TOO_MANY));
        // What was pushed before the socket joined, read before the store: the store may be slow to answer, and
        // meanwhile pushes that the socket did not get (it joined after them) could fall out of the recent list.
        Recent pushed = recent.get(channel);
        List<Push> earlier = pushed == null ? List.of() : pushed.list();
        Snapshot snapshot = stored.get();
        outbox.start(snapshot, earlier);
    }

    /** The socket was closed by its client or the container. */
    public void unregister(String channel, WebSocketSession session) {
        if (session.getAttributes().get(OUTBOX) instanceof SocketOutbox outbox) {
            outbox.stop();
            forget(channel, outbox);
        }
    }

    public void push(String channel, Push push) {
        Instant now = Instant.now();
        recent.compute(channel, (id, pushes) -> (pushes != null ? pushes : new Recent()).add(push, now));
        pushToOpen(channel, push);
    }

    /**
     * A push read from the store the snapshots are read from, so any later snapshot already has it: sent to the open
     * sockets only, not remembered for late ones (where it would only crowd out the pushes that need to be).
     */
    public void pushToOpen(String channel, Push push) {
        Set<SocketOutbox> sockets = byChannel.get(channel);
        if (sockets != null) {
            sockets.forEach(socket -> socket.offer(push));
        }
    }

    /** Whether this instance holds a socket of the channel. */
    public boolean hasSockets(String channel) {
        return byChannel.containsKey(channel);
    }

    public void pingAll() {
        byChannel.values().forEach(sockets -> sockets.forEach(SocketOutbox::ping));
        Instant horizon = Instant.now().minus(RECENT);
        recent.keySet().forEach(channel ->
                recent.computeIfPresent(channel, (id, pushes) -> pushes.dropBefore(horizon) ? null : pushes));
    }

    public int openSockets() {
        return byChannel.values().stream().mapToInt(Set::size).sum();
    }

    private void forget(String channel, SocketOutbox outbox) {
        byChannel.computeIfPresent(channel, (id, sockets) -> {
            sockets.remove(outbox);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    /** A channel's recent pushes, oldest first. */
    private static final class Recent {
        private final Deque<Push> pushes = new ArrayDeque<>();
        private final Deque<Instant> times = new ArrayDeque<>();

        synchronized Recent add(Push push, Instant at) {
            pushes.addLast(push);
            times.addLast(at);
            if (pushes.size() > RECENT_LIMIT) {
                pushes.removeFirst();
                times.removeFirst();
            }
            return this;
        }

        synchronized List<Push> list() {
            return List.copyOf(pushes);
        }

        /** Drops pushes older than {@code horizon}; true when none is left. */
        synchronized boolean dropBefore(Instant horizon) {
            while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
                pushes.removeFirst();
                times.removeFirst();
            }
            return pushes.isEmpty();
        }
    }
}
