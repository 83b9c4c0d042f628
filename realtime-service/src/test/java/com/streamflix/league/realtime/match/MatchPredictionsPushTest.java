package com.streamflix.league.realtime.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.api.prediction.PredictionSettlementLine;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.match.MatchLiveMessages.Player;
import com.streamflix.league.realtime.match.MatchLiveMessages.Predictions;
import com.streamflix.league.realtime.match.MatchSocketsTest.Viewer;
import com.streamflix.league.realtime.match.PredictionUpdatesTest.ManualTimer;
import com.streamflix.league.realtime.socket.SocketSender;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.streamflix.league.realtime.match.JsonFields.fields;
import static com.streamflix.league.realtime.match.JsonFields.withNulls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prediction book on the match channel (issue 11, RULES P1-P4): the messages' shapes, the throttled pool in
 * version order with the match's other messages, the snapshot's {@code predictions}, and the kill switch
 * ({@code streamflix.predictions.enabled}).
 */
class MatchPredictionsPushTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant KICK_OFF = Instant.parse("2026-03-04T20:00:00Z");
    private static final Duration INTERVAL = Duration.ofMillis(250);

    /** Sends on the pushing thread; windows end when the test says. */
    private final MatchSockets sockets = new MatchSockets(JSON, new SocketSender(Runnable::run, 64,
            Duration.ofSeconds(2)));
    private final ManualTimer timer = new ManualTimer();
    private final PredictionUpdates updates = new PredictionUpdates(sockets::push, INTERVAL, timer);

    @Test
    void theMessagesHaveTheContractsShape_P1_P2() {
        Viewer viewer = watch("m1", 1);
        MatchPusher pusher = pusher(PredictionsProperties.ON);

        pusher.on(placed("m1", "p-a", 300, new PredictionPool(300, 0, 1, 0)), 1);
        timer.runNext(); // quiet
        pusher.on(placed("m1", "p-b", 100, new PredictionPool(300, 100, 1, 1)), 2);
        pusher.on(new MatchStartedEvent("m1", "t1", MatchPhase.LEAGUE, "p-a", "p-b"), 3);
        pusher.on(new PredictionBookLockedEvent("m1", "t1", new PredictionPool(300, 100, 1, 1)), 4);
        pusher.on(new PredictionBookSettledEvent("m1", "t1", 1, "PAID", "p-b", 400, 1,
                List.of(line("x1", "p-a", 300, 0), line("x2", "p-b", 100, 400)), List.of(), null), 6);

        List<JsonNode> messages = viewer.messages();
        assertThat(viewer.types()).containsExactly("SNAPSHOT", "PREDICTIONS_UPDATED", "PREDICTIONS_UPDATED",
                "MATCH_STARTED", "PREDICTIONS_LOCKED", "PREDICTIONS_SETTLED");
        assertThat(fields(messages.get(1))).isEqualTo(withNulls(Map.of("type", "PREDICTIONS_UPDATED",
                "matchId", "m1", "version", 2, "poolA", 300, "poolB", 0, "countA", 1, "countB", 0,
                "oddsA", 1.0, "oddsB", "-")));
        assertThat(fields(messages.get(2))).isEqualTo(Map.of("type", "PREDICTIONS_UPDATED", "matchId", "m1",
                "version", 3, "poolA", 300, "poolB", 100, "countA", 1, "countB", 1,
                "oddsA", 400.0 / 300, "oddsB", 4.0));
        assertThat(fields(messages.get(4))).isEqualTo(Map.of("type", "PREDICTIONS_LOCKED", "matchId", "m1",
                "version", 5, "poolA", 300, "poolB", 100, "countA", 1, "countB", 1));
        assertThat(fields(messages.get(5))).isEqualTo(withNulls(Map.of("type", "PREDICTIONS_SETTLED",
                "matchId", "m1", "version", 7, "round", 1, "outcome", "PAID", "winnerParticipantId", "p-b",
                "pool", 400, "winners", 1, "correctionReason", "-")));
    }

    /** P4: a re-settlement after a corrected result names its round and the correction. */
    @Test
    void aReSettlementNamesItsRoundAndTheCorrection_P4() {
        Viewer viewer = watch("m1", 6);
        pusher(PredictionsProperties.ON).on(new PredictionBookSettledEvent("m1", "t1", 2, "REFUNDED_DRAW", null,
                400, 0, List.of(line("x1", "p-a", 300, 300), line("x2", "p-b", 100, 100)),
                List.of(line("x2", "p-b", 100, 400)), "it was 1-1"), 7);

        JsonNode settled = viewer.messages().get(1);
        assertThat(fields(settled)).isEqualTo(withNulls(Map.of("type", "PREDICTIONS_SETTLED", "matchId", "m1",
                "version", 8, "round", 2, "outcome", "REFUNDED_DRAW", "winnerParticipantId", "-", "pool", 400,
                "winners", 0, "correctionReason", "it was 1-1")));
    }

    /**
     * A burst of placements: the first pool at once, the newest when the window ends; the match's next message
     * (here a new date) sends a pool still waiting first, so the socket, which takes only growing versions, keeps it.
     */
    @Test
    void aWaitingPoolGoesBeforeTheMatchsNextMessage() {
        Viewer viewer = watch("m1", 1);
        MatchPusher pusher = pusher(PredictionsProperties.ON);
        PredictionPool pool = PredictionPool.EMPTY;
        for (int i = 0; i < 10; i++) {
            pool = pool.with(i % 2 == 0, 10);
            pusher.on(placed("m1", i % 2 == 0 ? "p-a" : "p-b", 10, pool), i + 1);
        }
        assertThat(viewer.versions()).containsExactly(1L, 2L);

        pusher.on(new MatchRescheduledEvent("m1", "t1", KICK_OFF, KICK_OFF.plusSeconds(600)), 11);
        assertThat(viewer.types()).containsExactly("SNAPSHOT", "PREDICTIONS_UPDATED", "PREDICTIONS_UPDATED",
                "MATCH_RESCHEDULED");
        assertThat(viewer.versions()).containsExactly(1L, 2L, 11L, 12L);
        assertThat(viewer.messages().get(2).path("countA").asInt()).isEqualTo(5);
        assertThat(viewer.messages().get(2).path("countB").asInt()).isEqualTo(5);

        timer.runNext(); // nothing was left waiting
        assertThat(viewer.versions()).containsExactly(1L, 2L, 11L, 12L);
    }

    /** The lock carries the final pool: an update still waiting is dropped rather than sent just before it. */
    @Test
    void theLockReplacesAWaitingPool_P1() {
        Viewer viewer = watch("m1", 1);
        MatchPusher pusher = pusher(PredictionsProperties.ON);
        pusher.on(placed("m1", "p-a", 10, new PredictionPool(10, 0, 1, 0)), 1);
        pusher.on(placed("m1", "p-a", 20, new PredictionPool(30, 0, 2, 0)), 2);
        pusher.on(new PredictionBookLockedEvent("m1", "t1", new PredictionPool(30, 0, 2, 0)), 3);
        timer.runNext();

        assertThat(viewer.types()).containsExactly("SNAPSHOT", "PREDICTIONS_UPDATED", "PREDICTIONS_LOCKED");
        assertThat(viewer.messages().get(2).path("poolA").asLong()).isEqualTo(30);
        assertThat(viewer.messages().get(2).path("countA").asInt()).isEqualTo(2);
    }

    /** A book refunded before its match because its players changed: settled, then the new players (P3). */
    @Test
    void aBookCancelledWithItsPlayersIsSettledBeforeTheChange_P3() {
        Viewer viewer = watch("m1", 1);
        MatchPusher pusher = pusher(PredictionsProperties.ON);
        pusher.on(placed("m1", "p-a", 10, new PredictionPool(10, 0, 1, 0)), 1);
        pusher.on(placed("m1", "p-b", 20, new PredictionPool(10, 20, 1, 1)), 2);
        pusher.on(new PredictionBookSettledEvent("m1", "t1", 1, "REFUNDED_CANCELLED", null, 30, 0,
                List.of(line("x1", "p-a", 10, 10), line("x2", "p-b", 20, 20)), List.of(), "bracket changed"), 3);
        pusher.on(new MatchParticipantsChangedEvent("m1", "t1", "p-c", "u-c", "p-b", "u-b", "bracket changed"), 4);

        assertThat(viewer.types()).containsExactly("SNAPSHOT", "PREDICTIONS_UPDATED", "PREDICTIONS_UPDATED",
                "PREDICTIONS_SETTLED", "PARTICIPANTS_CHANGED");
        assertThat(viewer.versions()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(viewer.messages().get(3).path("outcome").asText()).isEqualTo("REFUNDED_CANCELLED");
        assertThat(updates.openWindows()).isZero();
    }

    /** The kill switch: no PREDICTIONS_* message at all, and the pushed SNAPSHOT of a new match has no book. */
    @Test
    void switchedOffNoPredictionsMessageIsSentAndTheSnapshotHasNone() {
        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> MatchSnapshot.unknown("m1"));
        MatchPusher pusher = pusher(PredictionsProperties.OFF);

        pusher.on(new MatchScheduledEvent("m1", "t1", MatchPhase.LEAGUE, 1, "p-a", "u-a", "p-b", "u-b", KICK_OFF),
                0);
        pusher.on(placed("m1", "p-a", 10, new PredictionPool(10, 0, 1, 0)), 1);
        pusher.on(new MatchStartedEvent("m1", "t1", MatchPhase.LEAGUE, "p-a", "p-b"), 2);
        pusher.on(new PredictionBookLockedEvent("m1", "t1", new PredictionPool(10, 0, 1, 0)), 3);
        pusher.on(new MatchCompletedEvent("m1", "t1", MatchPhase.LEAGUE, "p-a", "p-b",
                MatchResult.played("p-a", "p-b", 1, 0, null)), 4);
        pusher.on(new PredictionBookSettledEvent("m1", "t1", 1, "PAID", "p-a", 10, 1,
                List.of(line("x1", "p-a", 10, 10)), List.of(), null), 5);

        assertThat(viewer.types()).containsExactly("SNAPSHOT", "SNAPSHOT", "MATCH_STARTED", "MATCH_COMPLETED");
        JsonNode scheduled = viewer.messages().get(1);
        assertThat(scheduled.has("predictions")).isTrue();
        assertThat(scheduled.path("predictions").isNull()).isTrue();
        assertThat(timer.tasks).isEmpty();
    }

    /** Switched on, a new match's pushed SNAPSHOT shows its open, empty book. */
    @Test
    void aNewMatchsSnapshotShowsAnOpenEmptyBook_P1() {
        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> MatchSnapshot.unknown("m1"));
        pusher(PredictionsProperties.ON).on(new MatchScheduledEvent("m1", "t1", MatchPhase.LEAGUE, 1, "p-a", "u-a",
                "p-b", "u-b", KICK_OFF), 0);

        assertThat(viewer.messages().get(0).path("predictions").isNull()).as("unknown: no book").isTrue();
        assertThat(fields(viewer.messages().get(1).path("predictions"))).isEqualTo(withNulls(Map.of(
                "status", "OPEN", "poolA", 0, "poolB", 0, "countA", 0, "countB", 0, "oddsA", "-", "oddsB", "-")));
    }

    /** The snapshot's book, as stored: odds are total / side's pool, null for a side nobody picked. */
    @Test
    void theSnapshotCarriesTheBookWithItsOdds() {
        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> new MatchSnapshot("m1", 9, "LIVE", "t1", "LEAGUE", 1, KICK_OFF,
                new Player("p-a", "u-a"), new Player("p-b", "u-b"), 0, 0, null,
                Predictions.of(Predictions.LOCKED, new PredictionPool(750, 250, 3, 1))));

        assertThat(fields(viewer.messages().get(0).path("predictions"))).isEqualTo(Map.of("status", "LOCKED",
                "poolA", 750, "poolB", 250, "countA", 3, "countB", 1, "oddsA", 1000.0 / 750, "oddsB", 4.0));
        assertThat(Predictions.of(Predictions.OPEN, new PredictionPool(0, 40, 0, 2)).oddsA()).isNull();
        assertThat(Predictions.of(Predictions.OPEN, new PredictionPool(0, 40, 0, 2)).oddsB()).isEqualTo(1.0);
    }

    private Viewer watch(String matchId, long version) {
        Viewer viewer = new Viewer();
        sockets.register(matchId, viewer, () -> new MatchSnapshot(matchId, version, "SCHEDULED", "t1", "LEAGUE", 1,
                KICK_OFF, new Player("p-a", "u-a"), new Player("p-b", "u-b"), null, null, null,
                Predictions.of(Predictions.OPEN, PredictionPool.EMPTY)));
        return viewer;
    }

    private MatchPusher pusher(PredictionsProperties predictions) {
        return new MatchPusher(sockets, updates, predictions);
    }

    private static int placements;

    private static PredictionPlacedEvent placed(String matchId, String side, long wager, PredictionPool pool) {
        int order = pool.countA() + pool.countB() - 1;
        return new PredictionPlacedEvent(matchId, "t1", "x" + (++placements), "u" + placements, side, wager, order,
                pool);
    }

    private static PredictionSettlementLine line(String predictionId, String side, long wager, long amount) {
        return new PredictionSettlementLine(predictionId, "u-" + predictionId, side, wager, amount);
    }

}
