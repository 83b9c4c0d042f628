package com.streamflix.league.realtime.socket;

import org.springframework.web.socket.TextMessage;

/**
 * One message for every socket of a channel, stamped with the event stream (aggregate) it comes from and that
 * stream's version after the event: its sequence number + 1 ({@link #versionAfter}), so versions only grow and a
 * socket can drop anything not newer than what it already has. The text is serialised once for all sockets.
 *
 * @param wholeState the message carries the channel's whole state, as {@code POINTS_UPDATE} does on a user's channel,
 *                   so it can stand in for a stored snapshot that lags behind it; a delta ({@code SCORE_UPDATE})
 *                   cannot, it follows the snapshot instead
 */
public record Push(String stream, long version, TextMessage message, boolean wholeState) {
    /**
     * The one processing group of every live pusher (balances, matches, votes): per instance, in memory, from the
     * head (RealtimeProcessing). One processor reads the stream once for all of them, instead of once each.
     */
    public static final String LIVE_PROCESSING_GROUP = "live-push";

    public static Push delta(String stream, long version, String json) {
        return new Push(stream, version, new TextMessage(json), false);
    }

    public static Push wholeState(String stream, long version, String json) {
        return new Push(stream, version, new TextMessage(json), true);
    }

    /** The version of a stream once the event with this (0-based) sequence number is applied. */
    public static long versionAfter(long sequenceNumber) {
        return sequenceNumber + 1;
    }
}
