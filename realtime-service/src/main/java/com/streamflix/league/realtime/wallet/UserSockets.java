package com.streamflix.league.realtime.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

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
        private final WebSocketSession session;
        private long lastVersion = -1;

        Socket(WebSocketSession session) {
            // serialises concurrent sends and drops a client that stops reading
            this.session = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES);
        }

        synchronized void send(WalletBalances.Balance balance) {
            if (balance.version() <= lastVersion) {
                return;
            }
            lastVersion = balance.version();
            try {
                session.sendMessage(new TextMessage(json.writeValueAsString(new PointsUpdate(balance))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            } catch (IOException | IllegalStateException closed) {
                log.debug("Dropping socket {}: {}", session.getId(), closed.getMessage());
                close();
            }
        }

        void ping() {
            try {
                session.sendMessage(new PingMessage(ByteBuffer.allocate(0)));
            } catch (IOException | IllegalStateException closed) {
                close();
            }
        }

        private void close() {
            try {
                session.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }

    public void register(String userId, WebSocketSession session, Supplier<WalletBalances.Balance> stored) {
        Socket socket = new Socket(session);
        session.getAttributes().put(Socket.class.getName(), socket);
        byUser.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(socket);
        WalletBalances.Balance current = stored.get();
        Pushed pushed = recentlyPushed.get(userId);
        socket.send(pushed != null && pushed.balance().version() > current.version() ? pushed.balance() : current);
    }

    public void unregister(String userId, WebSocketSession session) {
        Object socket = session.getAttributes().get(Socket.class.getName());
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
