package com.streamflix.league.realtime.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchMessage;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.socket.ChannelSockets;
import com.streamflix.league.realtime.socket.Push;
import com.streamflix.league.realtime.socket.SocketSender;
import com.streamflix.league.realtime.socket.Snapshot;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

import java.util.function.Supplier;

/**
 * The match sockets this instance holds, by match: every viewer of a match gets every push, the snapshot first and
 * then only growing versions. The channel is the match; its stream is the match's (a vote's will be a second
 * stream on the same channel). Pushes that the stored snapshot has not caught up with follow it, a pushed
 * {@code SNAPSHOT} in its place ({@link ChannelSockets}); all sending is off the caller's thread
 * ({@link SocketSender}).
 */
@Component
public class MatchSockets {
    private final ChannelSockets sockets;
    private final ObjectMapper json;

    public MatchSockets(ObjectMapper json, SocketSender sender) {
        this.json = json;
        this.sockets = sender.channel();
    }

    public void register(String matchId, WebSocketSession session, Supplier<MatchSnapshot> stored) {
        sockets.register(matchId, session, () -> {
            MatchSnapshot snapshot = stored.get();
            return Snapshot.of(matchId, snapshot.version(), text(snapshot));
        });
    }

    public void unregister(String matchId, WebSocketSession session) {
        sockets.unregister(matchId, session);
    }

    /** A {@code SNAPSHOT} carries the whole match, so it can stand in for a stored one that lags behind it. */
    public void push(MatchMessage message) {
        String json = text(message);
        sockets.push(message.matchId(), message instanceof MatchSnapshot
                ? Push.wholeState(message.matchId(), message.version(), json)
                : Push.delta(message.matchId(), message.version(), json));
    }

    public int openSockets() {
        return sockets.openSockets();
    }

    private String text(MatchMessage message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
