package com.streamflix.league.realtime.socket;

import org.springframework.web.socket.TextMessage;

import java.util.Map;

/**
 * What a new socket is sent first: the channel's state, and for each stream it reflects, that stream's version.
 * A match's snapshot reflects the match's stream and, when it carries a vote, the vote's stream too, so the socket
 * then takes only newer tallies.
 */
public record Snapshot(TextMessage message, Map<String, Long> versions) {

    public Snapshot {
        versions = Map.copyOf(versions);
    }

    public static Snapshot of(String stream, long version, String json) {
        return new Snapshot(new TextMessage(json), Map.of(stream, version));
    }
}
