package com.streamflix.league.realtime.match;

import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchCompleted;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchRescheduled;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchStarted;
import com.streamflix.league.realtime.match.MatchLiveMessages.ParticipantsChanged;
import com.streamflix.league.realtime.match.MatchLiveMessages.Player;
import com.streamflix.league.realtime.match.MatchLiveMessages.ResultCorrected;
import com.streamflix.league.realtime.match.MatchLiveMessages.ScoreUpdate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import static com.streamflix.league.realtime.socket.Push.versionAfter;

/**
 * Pushes a match's changes to every viewer of it as they happen (RULES M1). Each realtime instance must see every
 * event (a match's viewers may sit on any instance), so this processor is per instance, live only: an in-memory
 * token from the head of the stream ({@code RealtimeProcessing}). A new viewer gets the match so far from
 * {@link MatchSnapshots} instead. Handlers only enqueue, so no viewer can hold this thread up.
 */
@Component
@ProcessingGroup(MatchPusher.PROCESSING_GROUP)
public class MatchPusher {
    public static final String PROCESSING_GROUP = "match-push";

    private final MatchSockets sockets;

    public MatchPusher(MatchSockets sockets) {
        this.sockets = sockets;
    }

    /** A viewer may be waiting for a match the store has not seen yet (its snapshot said UNKNOWN). */
    @EventHandler
    void on(MatchScheduledEvent event, @SequenceNumber long sequenceNumber) {
        sockets.push(MatchSnapshot.scheduled(event, versionAfter(sequenceNumber)));
    }

    @EventHandler
    void on(MatchStartedEvent event, @SequenceNumber long sequenceNumber) {
        sockets.push(new MatchStarted(event.matchId(), versionAfter(sequenceNumber)));
    }

    @EventHandler
    void on(MatchScoreUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        sockets.push(new ScoreUpdate(event.matchId(), versionAfter(sequenceNumber), event.scoreA(), event.scoreB()));
    }

    @EventHandler
    void on(MatchCompletedEvent event, @SequenceNumber long sequenceNumber) {
        sockets.push(new MatchCompleted(event.matchId(), versionAfter(sequenceNumber), event.result()));
    }

    @EventHandler
    void on(MatchResultCorrectedEvent event, @SequenceNumber long sequenceNumber) {
        sockets.push(new ResultCorrected(event.matchId(), versionAfter(sequenceNumber), event.previous(),
                event.corrected(), event.reason()));
    }

    @EventHandler
    void on(MatchRescheduledEvent event, @SequenceNumber long sequenceNumber) {
        sockets.push(new MatchRescheduled(event.matchId(), versionAfter(sequenceNumber), event.scheduledAt()));
    }

    @EventHandler
    void on(MatchParticipantsChangedEvent event, @SequenceNumber long sequenceNumber) {
        sockets.push(new ParticipantsChanged(event.matchId(), versionAfter(sequenceNumber),
                new Player(event.playerAParticipantId(), event.playerAUserId()),
                new Player(event.playerBParticipantId(), event.playerBUserId())));
    }
}
