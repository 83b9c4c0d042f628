package com.streamflix.league.realtime.wallet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.realtime.socket.ChannelSockets;
import com.streamflix.league.realtime.socket.Push;
import com.streamflix.league.realtime.socket.SocketSender;
import com.streamflix.league.realtime.socket.Snapshot;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

import java.util.function.Supplier;

/**
 * The balance sockets this instance holds, by user: every open tab of a user gets every update (RULES W4), each
 * only ever a growing version. The channel is the user; its one stream is the user's wallet. A
 * {@code POINTS_UPDATE} carries the whole balance, so one pushed moments ago stands in for a stored balance that
 * lags behind it ({@link ChannelSockets} has the race handling, {@link SocketSender} the sending).
 */
@Component
public class UserSockets {
    private final ChannelSockets sockets;
    private final ObjectMapper json;

    /**
     * {@code streamflix.realtime.max-sockets-per-user} (issue #13): a user's open balance sockets on this instance
     * (the edge keeps one browser's tabs on one instance); one more closes the oldest with 1008.
     */
    public UserSockets(ObjectMapper json, SocketSender sender,
                       @Value("${streamflix.realtime.max-sockets-per-user:5}") int maxSocketsPerUser) {
        this.json = json;
        this.sockets = sender.channel(maxSocketsPerUser);
    }

    /** The wire format of RULES W4. */
    record PointsUpdate(String type, long balance, long version) {
        PointsUpdate(WalletBalances.Balance balance) {
            this("POINTS_UPDATE", balance.balance(), balance.version());
        }
    }

    public void register(String userId, WebSocketSession session, Supplier<WalletBalances.Balance> stored) {
        sockets.register(userId, session, () -> {
            WalletBalances.Balance balance = stored.get();
            return Snapshot.of(userId, balance.version(), pointsUpdate(balance));
        });
    }

    public void unregister(String userId, WebSocketSession session) {
        sockets.unregister(userId, session);
    }

    public void push(String userId, WalletBalances.Balance balance) {
        sockets.push(userId, Push.wholeState(userId, balance.version(), pointsUpdate(balance)));
    }

    /** Keeps idle connections (and the proxies between) open. */
    public void pingAll() {
        sockets.pingAll();
    }

    public int openSockets() {
        return sockets.openSockets();
    }

    private String pointsUpdate(WalletBalances.Balance balance) {
        try {
            return json.writeValueAsString(new PointsUpdate(balance));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
