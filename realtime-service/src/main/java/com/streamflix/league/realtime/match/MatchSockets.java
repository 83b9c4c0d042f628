package com.streamflix.league.realtime.match;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchMessage;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.match.MatchLiveMessages.VoteMessage;
import com.streamflix.league.realtime.match.MatchLiveMessages.VoteTally;
import com.streamflix.league.realtime.socket.ChannelSockets;
import com.streamflix.league.realtime.socket.Push;
import com.streamflix.league.realtime.socket.SocketSender;
import com.streamflix.league.realtime.socket.Snapshot;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The match sockets this instance holds, by match: every viewer of a match gets every push, the snapshot first and
 * then only growing versions. The channel is the match; its streams are the match's and, while the match has live
 * votes, each vote's (named by its {@code voteEventId}, with the vote's own versions, see
 * {@link MatchLiveMessages.VoteMessage}). Pushes that the stored snapshot has not caught up with follow it, a pushed
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
            Map<String, Long> versions = new HashMap<>();
            versions.put(matchId, snapshot.version());
            if (snapshot.vote() != null) {
                versions.put(snapshot.vote().voteEventId(), snapshot.vote().voteVersion());
            }
            return new Snapshot(new TextMessage(text(snapshot)), versions);
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

    /** A vote's start or end, on the vote's stream. */
    public void push(VoteMessage message) {
        sockets.push(message.matchId(), Push.delta(message.voteEventId(), message.voteVersion(), text(message)));
    }

    /**
     * A running vote's tallies, read from the stored votes that every snapshot shows: not remembered for late
     * sockets, whose snapshot is at least as new ({@link ChannelSockets#pushToOpen}).
     */
    public void pushTally(VoteTally tally) {
        sockets.pushToOpen(tally.matchId(), Push.delta(tally.voteEventId(), tally.voteVersion(), text(tally)));
    }

    /** Whether anyone watches the match on this instance. */
    public boolean watched(String matchId) {
        return sockets.hasSockets(matchId);
    }

    public int openSockets() {
        return sockets.openSockets();
    }

    private String text(Object message) {
        try {
            return json.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
