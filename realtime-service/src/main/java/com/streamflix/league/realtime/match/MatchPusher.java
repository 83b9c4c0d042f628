package com.streamflix.league.realtime.match;

import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchCompleted;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchMessage;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchRescheduled;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchStarted;
import com.streamflix.league.realtime.match.MatchLiveMessages.ParticipantsChanged;
import com.streamflix.league.realtime.match.MatchLiveMessages.Player;
import com.streamflix.league.realtime.match.MatchLiveMessages.PredictionsLocked;
import com.streamflix.league.realtime.match.MatchLiveMessages.PredictionsSettled;
import com.streamflix.league.realtime.match.MatchLiveMessages.PredictionsUpdated;
import com.streamflix.league.realtime.match.MatchLiveMessages.ResultCorrected;
import com.streamflix.league.realtime.match.MatchLiveMessages.ScoreUpdate;
import com.streamflix.league.realtime.socket.Push;
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
 * <p>
 * The prediction book's changes (RULES P1-P4) go on the same channel, with the match's versions: the pool while the
 * book is open as throttled {@code PREDICTIONS_UPDATED} ({@link PredictionUpdates}), then {@code PREDICTIONS_LOCKED}
 * and {@code PREDICTIONS_SETTLED}; none of them while predictions are switched off
 * ({@code streamflix.predictions.enabled=false}). An update still waiting for its turn goes before any later message
 * of its match, so a socket (which drops anything older than what it has) never loses the newest pool.
 * <p>
 * A match's live votes (RULES V1-V5) go on the same channel from {@link VotePusher}, part of this processor too.
 */
@Component
@ProcessingGroup(Push.LIVE_PROCESSING_GROUP)
public class MatchPusher {

    private final MatchSockets sockets;
    private final PredictionUpdates predictionUpdates;
    private final boolean predictionsEnabled;

    public MatchPusher(MatchSockets sockets, PredictionUpdates predictionUpdates, PredictionsProperties predictions) {
        this.sockets = sockets;
        this.predictionUpdates = predictionUpdates;
        this.predictionsEnabled = predictions.enabled();
    }

    /** A viewer may be waiting for a match the store has not seen yet (its snapshot said UNKNOWN). */
    @EventHandler
    void on(MatchScheduledEvent event, @SequenceNumber long sequenceNumber) {
        push(MatchSnapshot.scheduled(event, versionAfter(sequenceNumber), predictionsEnabled));
    }

    @EventHandler
    void on(MatchStartedEvent event, @SequenceNumber long sequenceNumber) {
        push(new MatchStarted(event.matchId(), versionAfter(sequenceNumber)));
    }

    @EventHandler
    void on(MatchScoreUpdatedEvent event, @SequenceNumber long sequenceNumber) {
        push(new ScoreUpdate(event.matchId(), versionAfter(sequenceNumber), event.scoreA(), event.scoreB()));
    }

    @EventHandler
    void on(MatchCompletedEvent event, @SequenceNumber long sequenceNumber) {
        push(new MatchCompleted(event.matchId(), versionAfter(sequenceNumber), event.result()));
    }

    @EventHandler
    void on(MatchResultCorrectedEvent event, @SequenceNumber long sequenceNumber) {
        push(new ResultCorrected(event.matchId(), versionAfter(sequenceNumber), event.previous(),
                event.corrected(), event.reason()));
    }

    @EventHandler
    void on(MatchRescheduledEvent event, @SequenceNumber long sequenceNumber) {
        push(new MatchRescheduled(event.matchId(), versionAfter(sequenceNumber), event.scheduledAt()));
    }

    @EventHandler
    void on(MatchParticipantsChangedEvent event, @SequenceNumber long sequenceNumber) {
        push(new ParticipantsChanged(event.matchId(), versionAfter(sequenceNumber),
                new Player(event.playerAParticipantId(), event.playerAUserId()),
                new Player(event.playerBParticipantId(), event.playerBUserId())));
    }

    /** P1: the book's new pool, throttled per match. */
    @EventHandler
    void on(PredictionPlacedEvent event, @SequenceNumber long sequenceNumber) {
        if (predictionsEnabled) {
            predictionUpdates.offer(new PredictionsUpdated(event.matchId(), versionAfter(sequenceNumber),
                    event.pool()));
        }
    }

    /** P1, M1: the start locked the book; the final pool replaces any update still waiting. */
    @EventHandler
    void on(PredictionBookLockedEvent event, @SequenceNumber long sequenceNumber) {
        if (predictionsEnabled) {
            predictionUpdates.bookClosed(event.matchId());
            sockets.push(new PredictionsLocked(event.matchId(), versionAfter(sequenceNumber), event.pool()));
        }
    }

    /** P2-P4: each settlement round (a book refunded before its match, too: its players changed). */
    @EventHandler
    void on(PredictionBookSettledEvent event, @SequenceNumber long sequenceNumber) {
        if (predictionsEnabled) {
            push(new PredictionsSettled(versionAfter(sequenceNumber), event));
            predictionUpdates.bookClosed(event.matchId());
        }
    }

    /** Any update of the match's pool still waiting goes first: a socket would drop it after this newer message. */
    private void push(MatchMessage message) {
        predictionUpdates.flush(message.matchId());
        sockets.push(message);
    }
}
