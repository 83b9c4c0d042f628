package com.streamflix.league.realtime.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The balance sockets this instance holds, by user: every open tab of a user gets every update. Each socket only
 * ever receives growing versions, so a push and the connect-time snapshot can race without a client seeing a
 * balance go back. A new socket is registered before its snapshot is read, and the snapshot is the newer of the
 * stored balance and the last pushed one (the store's processor may lag the push by a few ms), so no change
 * falls between the two.
 */
@Component
public class UserSockets {
    private static final Logger log = LoggerFactory.getLogger(UserSockets.class);
    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_LIMIT_BYTES = 64 * 1024;

    private static final Duration RECENT = Duration.ofMinutes(1);

    private final Map<String, Set<Socket>> byUser = new ConcurrentHashMap<>();
    private final Map<String, Pushed> recentlyPushed = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public UserSockets(ObjectMapper json) {
        this.json = json;
    }

    /** The wire format of RULES W4. */
    record PointsUpdate(String type, long balance, long version) {
        PointsUpdate(WalletBalances.Balance balance) {
            this("POINTS_UPDATE", balance.balance(), balance.version());
        }
    }

    private record Pushed(WalletBalances.Balance balance, Instant at) {
    }

    private final class Socket {
        private final String userId;
        private final WebSocketSession session;
        private long lastVersion = -1;

        Socket(String userId, WebSocketSession session) {
            this.userId = userId;
            // serialises concurrent sends and drops a client that stops reading
            this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        }

        synchronized void send(WalletBalances.Balance balance) {
            if (balance.version() <= lastVersion) {
                return;
            }
            lastVersion = balance.version();
            String update = pointsUpdate(balance);
            try {
                session.sendMessage(new TextMessage(update));
            } catch (IOException | IllegalStateException | SessionLimitExceededException closed) {
                // SessionLimitExceededException is unchecked: uncaught, it escaped push() so the user's remaining
                // tabs missed the change, and left this socket registered but silently muted for ever.
                drop(closed);
            }
        }

        void ping() {
            try {
                session.sendMessage(new PingMessage(ByteBuffer.allocate(0)));
            } catch (IOException | IllegalStateException | SessionLimitExceededException closed) {
                drop(closed);
            }
        }

        /**
         * Forgets the socket at once rather than waiting for the container's close callback: a stalled connection
         * may report its close late, and the decorator skips a close that races its own limit check, after which
         * nothing would ever remove the socket.
         */
        private void drop(Exception reason) {
            log.debug("Dropping socket {}: {}", session.getId(), reason.getMessage());
            forget(userId, this);
            try {
                session.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException | RuntimeException ignored) {
                // already gone
            }
        }
    }

    private String pointsUpdate(WalletBalances.Balance balance) {
        try {
            return json.writeValueAsString(new PointsUpdate(balance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public void register(String userId, WebSocketSession session, Supplier<WalletBalances.Balance> stored) {
        Socket socket = new Socket(userId, session);
        session.getAttributes().put(Socket.class.getName(), socket);
        // Atomically, not computeIfAbsent(...).add(...): a user's last tab closing in between would remove the set
        // from the map and this socket would be added to an orphaned set, never to be pushed to.
        byUser.compute(userId, (id, sockets) -> {
            Set<Socket> set = sockets != null ? sockets : ConcurrentHashMap.<Socket>newKeySet();
            set.add(socket);
            return set;
        });
        WalletBalances.Balance current = stored.get();
        Pushed pushed = recentlyPushed.get(userId);
        socket.send(pushed != null && pushed.balance().version() > current.version() ? pushed.balance() : current);
    }

    public void unregister(String userId, WebSocketSession session) {
        if (session.getAttributes().get(Socket.class.getName()) instanceof Socket socket) {
            forget(userId, socket);
        }
    }

    private void forget(String userId, Socket socket) {
        byUser.computeIfPresent(userId, (id, sockets) -> {
            sockets.remove(socket);
            return sockets.isEmpty() ? null : sockets;
        });
    }

    public void push(String userId, WalletBalances.Balance balance) {
        recentlyPushed.merge(userId, new Pushed(balance, Instant.now()),
                (old, now) -> old.balance().version() > now.balance().version() ? old : now);
        Set<Socket> sockets = byUser.get(userId);
        if (sockets != null) {
            sockets.forEach(socket -> socket.send(balance));
        }
    }

    /** Keeps idle connections (and the proxies between) open. */
    public void pingAll() {
        byUser.values().forEach(sockets -> sockets.forEach(Socket::ping));
        Instant horizon = Instant.now().minus(RECENT);
        recentlyPushed.values().removeIf(pushed -> pushed.at().isBefore(horizon));
    }

    public int openSockets() {
        return byUser.values().stream().mapToInt(Set::size).sum();
    }
}
