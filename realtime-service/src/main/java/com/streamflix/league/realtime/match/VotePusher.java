package com.streamflix.league.realtime.match;

import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.realtime.match.MatchLiveMessages.VoteEnded;
import com.streamflix.league.realtime.match.MatchLiveMessages.VoteStarted;
import com.streamflix.league.realtime.socket.Push;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Pushes a match's live votes to its viewers (RULES V1-V5): {@code VOTE_STARTED}, throttled {@code VOTE_TALLY}
 * while it runs ({@link VoteTallies}), then {@code VOTE_ENDED} with the final tallies and the winner. Part of the
 * match's live processor ({@link MatchPusher}: per instance, from the head of the stream), so it sees the vote's
 * events in the stream's order with the match's.
 * <p>
 * A cast (on its voter's wallet stream; the wallet's {@code POINTS_UPDATE} for its debit is {@code BalancePusher}'s)
 * costs this thread one map lookup and no socket write, however many arrive: the tallies are read from the store and
 * sent a few times a second. The start and the end go at once, stamped with the vote's own version
 * ({@link MatchLiveMessages.VoteMessage}), and are remembered for viewers whose snapshot lags behind them.
 */
@Component
@ProcessingGroup(Push.LIVE_PROCESSING_GROUP)
public class VotePusher {
    private final MatchSockets sockets;
    private final VoteTallies tallies;

    public VotePusher(MatchSockets sockets, VoteTallies tallies) {
        this.sockets = sockets;
        this.tallies = tallies;
    }

    @EventHandler
    void on(VoteStartedEvent event) {
        sockets.push(new VoteStarted(event));
    }

    @EventHandler
    void on(VotesCastEvent event) {
        tallies.cast(event.voteEventId(), event.matchId());
    }

    /** V4: the final tallies replace any still to be polled. */
    @EventHandler
    void on(VoteEndedEvent event) {
        tallies.ended(event.voteEventId());
        sockets.push(new VoteEnded(event));
    }
}
