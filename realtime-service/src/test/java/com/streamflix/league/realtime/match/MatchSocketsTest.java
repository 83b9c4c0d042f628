package com.streamflix.league.realtime.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.match.MatchLiveMessages.Player;
import com.streamflix.league.realtime.match.MatchLiveMessages.Result;
import com.streamflix.league.realtime.match.MatchLiveMessages.ScoreUpdate;
import com.streamflix.league.realtime.socket.RecordingSession;
import com.streamflix.league.realtime.socket.SocketSender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;

import static com.streamflix.league.realtime.match.JsonFields.fields;
import static com.streamflix.league.realtime.match.JsonFields.withNulls;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES M1 on the match sockets of one instance: the match so far first, then every change, versions only growing,
 * every viewer of the match served, and no viewer able to hold up the others.
 */
class MatchSocketsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int QUEUE = 64;
    private static final Instant KICK_OFF = Instant.parse("2026-03-04T20:00:00Z");

    /** Sends on the pushing thread, so a test can look at a viewer right after a push. */
    private final MatchSockets sockets = new MatchSockets(JSON, new SocketSender(Runnable::run, QUEUE,
            Duration.ofSeconds(2)));
    private final List<RecordingSession> stalled = new ArrayList<>();
    private ExecutorService pool;

    @AfterEach
    void releaseStalledViewers() {
        stalled.forEach(RecordingSession::release);
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstMessageIsTheSnapshotThenEveryChange_M1() {
        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> live("m1", 2, 0, 0));
        sockets.push(new ScoreUpdate("m1", 3, 1, 0));
        sockets.push(new MatchLiveMessages.MatchCompleted("m1", 4,
                MatchResult.played("p-a", "p-b", 2, 0, null)));

        assertThat(viewer.types()).containsExactly("SNAPSHOT", "SCORE_UPDATE", "MATCH_COMPLETED");
        assertThat(viewer.versions()).containsExactly(2L, 3L, 4L);
        JsonNode snapshot = viewer.messages().get(0);
        assertThat(snapshot.path("matchId").asText()).isEqualTo("m1");
        assertThat(snapshot.path("status").asText()).isEqualTo("LIVE");
        assertThat(snapshot.path("phase").asText()).isEqualTo("LEAGUE");
        assertThat(snapshot.path("scheduledAt").asText()).isEqualTo("2026-03-04T20:00:00Z");
        assertThat(snapshot.path("playerA").path("participantId").asText()).isEqualTo("p-a");
        assertThat(snapshot.path("playerB").path("userId").asText()).isEqualTo("u-b");
        assertThat(snapshot.path("scoreA").asInt()).isZero();
        assertThat(snapshot.has("result")).isTrue();
        assertThat(snapshot.path("result").isNull()).isTrue();
        assertThat(viewer.messages().get(1).path("scoreA").asInt()).isEqualTo(1);
    }

    @Test
    void pushesTheStoredSnapshotHasNotCaughtUpWithFollowItInOrder_M1() {
        sockets.push(new MatchLiveMessages.MatchStarted("m1", 2)); // before anyone watched; the store is behind
        sockets.push(new ScoreUpdate("m1", 3, 1, 0));

        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> scheduled("m1", 1));

        assertThat(viewer.types()).containsExactly("SNAPSHOT", "MATCH_STARTED", "SCORE_UPDATE");
        assertThat(viewer.versions()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void aPushBetweenRegisteringAndReadingTheSnapshotFollowsItAndOlderPushesDoNot_M1() {
        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> {
            sockets.push(new ScoreUpdate("m1", 3, 1, 0)); // reaches the viewer before its snapshot is sent
            sockets.push(new ScoreUpdate("m1", 4, 2, 0));
            return live("m1", 3, 1, 0); // the store already has the first of them
        });
        sockets.push(new ScoreUpdate("m1", 4, 2, 0)); // a redelivery changes nothing
        sockets.push(new ScoreUpdate("m1", 2, 0, 0)); // nor does anything older
        sockets.push(new ScoreUpdate("m1", 5, 2, 1));

        assertThat(viewer.types().get(0)).isEqualTo("SNAPSHOT");
        assertThat(viewer.versions()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aMatchNotKnownYetIsAnUnknownSnapshotAtVersionZero() {
        var handler = new MatchLiveHandler(sockets, new MatchSnapshots(null, PredictionsProperties.ON) {
            @Override
            public Optional<MatchSnapshot> current(String matchId) {
                return Optional.empty();
            }
        });
        Viewer viewer = new Viewer();
        viewer.getAttributes().put("matchId", "m9");
        handler.afterConnectionEstablished(viewer);
        sockets.push(new MatchLiveMessages.MatchStarted("m9", 2));

        JsonNode snapshot = viewer.messages().get(0);
        assertThat(snapshot.path("type").asText()).isEqualTo("SNAPSHOT");
        assertThat(snapshot.path("status").asText()).isEqualTo("UNKNOWN");
        assertThat(snapshot.path("version").asLong()).isZero();
        assertThat(viewer.versions()).containsExactly(0L, 2L);

        handler.afterConnectionClosed(viewer, CloseStatus.GOING_AWAY);
        assertThat(sockets.openSockets()).isZero();
    }

    @Test
    void aViewerWaitingForAMatchNotStoredYetGetsItsSchedulingAsASnapshot_M1() {
        Viewer early = new Viewer();
        sockets.register("m1", early, () -> MatchSnapshot.unknown("m1"));
        pusher().on(new MatchScheduledEvent("m1", "t1", MatchPhase.LEAGUE, 3, "p-a", "u-a", "p-b",
                "u-b", KICK_OFF), 0);

        assertThat(early.types()).containsExactly("SNAPSHOT", "SNAPSHOT");
        assertThat(early.messages().get(0).path("status").asText()).isEqualTo("UNKNOWN");
        JsonNode scheduled = early.messages().get(1);
        assertThat(scheduled.path("version").asLong()).isEqualTo(1);
        assertThat(scheduled.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(scheduled.path("matchday").asInt()).isEqualTo(3);
        assertThat(scheduled.path("playerB").path("participantId").asText()).isEqualTo("p-b");
        assertThat(scheduled.path("scheduledAt").asText()).isEqualTo("2026-03-04T20:00:00Z");

        Viewer next = new Viewer();
        sockets.register("m1", next, () -> MatchSnapshot.unknown("m1")); // the store is still behind
        assertThat(next.types()).containsExactly("SNAPSHOT");
        assertThat(next.messages().get(0).path("status").asText()).as("the pushed snapshot stands in")
                .isEqualTo("SCHEDULED");
    }

    @Test
    void everyViewerOfTheMatchGetsEveryPushAndViewersOfOtherMatchesDoNot_M1() {
        List<Viewer> viewers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Viewer viewer = new Viewer();
            viewers.add(viewer);
            sockets.register("m1", viewer, () -> live("m1", 2, 0, 0));
        }
        Viewer other = new Viewer();
        sockets.register("m2", other, () -> live("m2", 2, 0, 0));

        sockets.push(new ScoreUpdate("m1", 3, 1, 0));

        viewers.forEach(viewer -> assertThat(viewer.versions()).containsExactly(2L, 3L));
        assertThat(other.versions()).containsExactly(2L);
        assertThat(sockets.openSockets()).isEqualTo(201);
    }

    /**
     * A viewer whose client stopped reading blocks in its send; the pushing thread only enqueues, and the other
     * viewers' sends go on without it.
     */
    @Test
    void aStalledViewerDelaysNeitherThePushNorTheOtherViewers_M1() throws Exception {
        MatchSockets sockets = pooledSockets(2, QUEUE);
        Viewer stuck = stalledViewer(sockets, "m1");
        List<Viewer> others = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Viewer viewer = new Viewer();
            others.add(viewer);
            sockets.register("m1", viewer, () -> live("m1", 2, 0, 0));
        }
        awaitTrue(() -> others.stream().allMatch(v -> v.texts().size() == 1), Duration.ofSeconds(2));

        for (int version = 3; version <= 12; version++) {
            long started = System.nanoTime();
            sockets.push(new ScoreUpdate("m1", version, version, 0));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the push itself")
                    .isLessThan(Duration.ofMillis(50));
            int expected = version - 1;
            awaitTrue(() -> others.stream().allMatch(v -> v.texts().size() == expected), Duration.ofMillis(200));
        }

        assertThat(stuck.awaitBlockedSend(Duration.ZERO)).as("the stalled viewer's send is blocked all along").isTrue();
        assertThat(stuck.closedWith()).as("still within its queue, so still open").isNull();
        others.forEach(viewer -> assertThat(viewer.versions()).containsExactlyElementsOf(
                LongStream.rangeClosed(2, 12).boxed().toList()));
    }

    @Test
    void aViewerWhoseQueueOverflowsIsClosedAndForgottenWhileTheOthersGetEverything_M1() throws Exception {
        MatchSockets sockets = pooledSockets(2, QUEUE);
        Viewer stuck = stalledViewer(sockets, "m1");
        Viewer healthy = new Viewer();
        sockets.register("m1", healthy, () -> live("m1", 2, 0, 0));

        // one blocked in the send, QUEUE waiting, and one more than the queue holds
        int pushes = QUEUE + 2;
        for (int version = 3; version < 3 + pushes; version++) {
            sockets.push(new ScoreUpdate("m1", version, version, 0));
            int expected = version - 1;
            awaitTrue(() -> healthy.texts().size() == expected, Duration.ofSeconds(2));
            if (version < 3 + QUEUE) {
                assertThat(stuck.closedWith()).as("closed after " + (version - 2) + " pushes").isNull();
            }
        }

        awaitTrue(() -> stuck.closedWith() != null, Duration.ofSeconds(2));
        assertThat(stuck.closedWith()).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(sockets.openSockets()).isEqualTo(1);
        sockets.push(new ScoreUpdate("m1", 3 + pushes, 0, 0));
        awaitTrue(() -> healthy.texts().size() == 2 + pushes, Duration.ofSeconds(2));
        assertThat(stuck.versions()).as("nothing after its snapshot").containsExactly(2L);
    }

    @Test
    void aViewerWhoseConnectionBrokeIsDroppedAndTheOthersStillGetThePush() {
        Viewer broken = new Viewer();
        Viewer healthy = new Viewer();
        sockets.register("m1", broken, () -> live("m1", 2, 0, 0));
        sockets.register("m1", healthy, () -> live("m1", 2, 0, 0));
        broken.failWith(new UncheckedIOException(new IOException("connection reset")));

        sockets.push(new ScoreUpdate("m1", 3, 1, 0));

        assertThat(broken.closedWith()).isEqualTo(CloseStatus.SESSION_NOT_RELIABLE);
        assertThat(healthy.versions()).containsExactly(2L, 3L);
        assertThat(sockets.openSockets()).isEqualTo(1);
    }

    /**
     * One pusher (as the single-threaded processor) while viewers keep connecting and leaving, their snapshots read
     * from a store a few changes behind the pushes: each viewer sees the snapshot first and then every later version
     * exactly once, in order (a missed SCORE_UPDATE would leave it on a wrong score), and every viewer still open
     * ends on the last change.
     */
    @Test
    void versionsOnlyGrowAndNoViewerMissesAChangeWhileViewersComeAndGo_M1() throws Exception {
        // a queue long enough for this burst: what is tested here is the order, not the overflow
        MatchSockets sockets = pooledSockets(3, 4_096);
        long changes = 1_000;
        AtomicLong stored = new AtomicLong(1); // the store's version, a few changes behind the pushes
        AtomicBoolean pushing = new AtomicBoolean(true);
        List<Viewer> open = new CopyOnWriteArrayList<>();
        List<Viewer> all = new CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);

        Thread pusher = new Thread(() -> {
            await(start);
            for (long version = 2; version <= changes; version++) {
                sockets.push(new ScoreUpdate("m1", version, (int) version, 0));
                stored.set(Math.max(1, version - 3));
                LockSupport.parkNanos(20_000);
            }
            pushing.set(false);
        });
        List<Thread> connecting = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            connecting.add(new Thread(() -> {
                await(start);
                for (int n = 0; n < 100 && pushing.get(); n++) {
                    Viewer viewer = new Viewer();
                    all.add(viewer);
                    sockets.register("m1", viewer, () -> {
                        long version = stored.get();
                        Thread.yield();
                        return live("m1", version, (int) version, 0);
                    });
                    if (ThreadLocalRandom.current().nextBoolean()) {
                        sockets.unregister("m1", viewer);
                    } else {
                        open.add(viewer);
                    }
                    LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
                }
            }));
        }
        pusher.start();
        connecting.forEach(Thread::start);
        start.countDown();
        pusher.join();
        for (Thread thread : connecting) {
            thread.join();
        }
        awaitTrue(() -> open.stream().allMatch(v -> !v.versions().isEmpty()
                && v.versions().get(v.versions().size() - 1) == changes), Duration.ofSeconds(5));

        assertThat(all).hasSizeGreaterThan(10);
        for (Viewer viewer : all) {
            List<Long> versions = viewer.versions();
            if (versions.isEmpty()) {
                continue; // left before its snapshot was sent
            }
            assertThat(viewer.types().get(0)).isEqualTo("SNAPSHOT");
            long first = versions.get(0);
            assertThat(versions).as("a viewer's versions").containsExactlyElementsOf(
                    LongStream.rangeClosed(first, first + versions.size() - 1).boxed().toList());
            viewer.messages().forEach(m -> assertThat(m.path("scoreA").asLong()).isEqualTo(m.path("version").asLong()));
        }
        assertThat(sockets.openSockets()).isEqualTo(open.size());
        open.forEach(viewer -> assertThat(viewer.closedWith()).isNull());
    }

    @Test
    void pingsGoThroughTheSameQueueAsTheMessages() {
        SocketSender sender = new SocketSender(Runnable::run, QUEUE, Duration.ofSeconds(2));
        MatchSockets sockets = new MatchSockets(JSON, sender);
        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> live("m1", 2, 0, 0));

        sender.pingAll();

        assertThat(viewer.sent()).hasSize(2).last().isInstanceOf(PingMessage.class);
    }

    /** Each match event as its push: the type, the version (sequence number + 1) and the contract's fields. */
    @Test
    void everyMatchEventIsPushedInTheContractsShape_M1() {
        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> scheduled("m1", 1));
        MatchPusher pusher = pusher();
        MatchResult played = MatchResult.played("p-a", "p-b", 1, 1, "p-b");
        MatchResult corrected = MatchResult.played("p-a", "p-b", 2, 1, null);

        pusher.on(new MatchRescheduledEvent("m1", "t1", KICK_OFF, KICK_OFF.plusSeconds(3600)), 1);
        pusher.on(new MatchParticipantsChangedEvent("m1", "t1", "p-c", "u-c", "p-d", "u-d", "bracket"), 2);
        pusher.on(new MatchStartedEvent("m1", "t1", MatchPhase.FINAL, "p-c", "p-d"), 3);
        pusher.on(new MatchScoreUpdatedEvent("m1", "t1", 1, 0), 4);
        pusher.on(new MatchCompletedEvent("m1", "t1", MatchPhase.FINAL, "p-a", "p-b", played), 5);
        pusher.on(new MatchResultCorrectedEvent("m1", "t1", MatchPhase.FINAL, "p-a", "p-b", played, corrected,
                "wrong score typed"), 6);
        pusher.on(new MatchCompletedEvent("m2", "t1", MatchPhase.LEAGUE, "p-a", "p-b", played), 9);

        List<JsonNode> messages = viewer.messages();
        assertThat(viewer.types()).containsExactly("SNAPSHOT", "MATCH_RESCHEDULED", "PARTICIPANTS_CHANGED",
                "MATCH_STARTED", "SCORE_UPDATE", "MATCH_COMPLETED", "RESULT_CORRECTED");
        assertThat(viewer.versions()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(fields(messages.get(1))).isEqualTo(Map.of("type", "MATCH_RESCHEDULED", "matchId", "m1",
                "version", 2, "scheduledAt", "2026-03-04T21:00:00Z"));
        assertThat(fields(messages.get(2))).isEqualTo(Map.of("type", "PARTICIPANTS_CHANGED", "matchId", "m1",
                "version", 3, "playerA", Map.of("participantId", "p-c", "userId", "u-c"),
                "playerB", Map.of("participantId", "p-d", "userId", "u-d")));
        assertThat(fields(messages.get(3))).isEqualTo(Map.of("type", "MATCH_STARTED", "matchId", "m1", "version", 4));
        assertThat(fields(messages.get(4))).isEqualTo(Map.of("type", "SCORE_UPDATE", "matchId", "m1", "version", 5,
                "scoreA", 1, "scoreB", 0));
        assertThat(fields(messages.get(5))).isEqualTo(withNulls(Map.of("type", "MATCH_COMPLETED", "matchId", "m1",
                "version", 6, "scoreA", 1, "scoreB", 1, "winnerParticipantId", "p-b",
                "penaltiesWinnerParticipantId", "p-b", "walkover", false)));
        assertThat(fields(messages.get(6))).isEqualTo(Map.of("type", "RESULT_CORRECTED", "matchId", "m1",
                "version", 7, "reason", "wrong score typed",
                "previous", fields(JSON.valueToTree(Result.of(played))),
                "corrected", withNulls(Map.of("scoreA", 2, "scoreB", 1, "winnerParticipantId", "p-a",
                        "penaltiesWinnerParticipantId", "-", "walkover", false))));
    }

    @Test
    void aWalkoverIsPushedAsOne_M1() {
        Viewer viewer = new Viewer();
        sockets.register("m1", viewer, () -> scheduled("m1", 1));
        pusher().on(new MatchCompletedEvent("m1", "t1", MatchPhase.LEAGUE, "p-a", "p-b",
                MatchResult.walkover("p-a", "p-b", "p-b")), 1);

        JsonNode completed = viewer.messages().get(1);
        assertThat(completed.path("walkover").asBoolean()).isTrue();
        assertThat(completed.path("winnerParticipantId").asText()).isEqualTo("p-b");
        assertThat(completed.path("scoreA").asInt()).isZero();
        assertThat(completed.path("scoreB").asInt()).isEqualTo(3);
    }

    @Test
    void aHandshakeForAnIdThatCannotBeAMatchIsRefused() {
        assertThat(handshake("/api/matches/m-1/live")).isNull();
        assertThat(handshake("/api/matches/" + "a".repeat(64) + "/live")).isNull();
        assertThat(handshake("/api/matches/" + "a".repeat(65) + "/live")).isEqualTo(400);
        assertThat(handshake("/api/matches/bad_id/live")).isEqualTo(400);
        assertThat(handshake("/api/matches/bad%20id/live")).isEqualTo(400);
        assertThat(handshake("/api/matches/%2e%2e/live")).isEqualTo(400);
    }

    /** The refusal's status, or null when the handshake may go on (the id then in the session's attributes). */
    private static Integer handshake(String path) {
        var request = new MockHttpServletRequest("GET", path);
        var response = new MockHttpServletResponse();
        Map<String, Object> attributes = new HashMap<>();
        boolean accepted = new MatchLiveHandler.MatchIdCheck().beforeHandshake(new ServletServerHttpRequest(request),
                new ServletServerHttpResponse(response), null, attributes);
        if (accepted) {
            assertThat(attributes).containsKey("matchId");
            return null;
        }
        assertThat(response.getStatus()).isNotEqualTo(HttpStatus.OK.value());
        return response.getStatus();
    }

    /** The pusher as the service has it, its prediction updates' windows never ending (none are pushed here). */
    private MatchPusher pusher() {
        return new MatchPusher(sockets, new PredictionUpdates(sockets::push, Duration.ofMillis(250), (task, delay) -> {
        }), PredictionsProperties.ON);
    }

    private MatchSockets pooledSockets(int threads, int queue) {
        pool = Executors.newFixedThreadPool(threads);
        return new MatchSockets(JSON, new SocketSender(pool, queue, Duration.ofSeconds(2)));
    }

    /** A viewer that took its snapshot and then stopped reading: its next send blocks, until it is closed. */
    private Viewer stalledViewer(MatchSockets sockets, String matchId) throws InterruptedException {
        Viewer viewer = new Viewer();
        stalled.add(viewer);
        sockets.register(matchId, viewer, () -> live(matchId, 2, 0, 0));
        awaitTrue(() -> viewer.texts().size() == 1, Duration.ofSeconds(2));
        viewer.stall();
        return viewer;
    }

    private static MatchSnapshot scheduled(String matchId, long version) {
        return new MatchSnapshot(matchId, version, "SCHEDULED", "t1", "LEAGUE", 1, KICK_OFF,
                new Player("p-a", "u-a"), new Player("p-b", "u-b"), null, null, null);
    }

    private static MatchSnapshot live(String matchId, long version, int scoreA, int scoreB) {
        return new MatchSnapshot(matchId, version, "LIVE", "t1", "LEAGUE", 1, KICK_OFF,
                new Player("p-a", "u-a"), new Player("p-b", "u-b"), scoreA, scoreB, null);
    }


    private static void awaitTrue(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms");
            }
            Thread.sleep(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A viewer's socket, read as the JSON messages it was sent. */
    static final class Viewer extends RecordingSession {
        Viewer() {
            super(null);
        }

        List<JsonNode> messages() {
            return texts().stream().map(text -> {
                try {
                    return JSON.readTree(text);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }

        List<String> types() {
            return messages().stream().map(m -> m.path("type").asText()).toList();
        }

        List<Long> versions() {
            return messages().stream().map(m -> m.path("version").asLong()).toList();
        }
    }
}
