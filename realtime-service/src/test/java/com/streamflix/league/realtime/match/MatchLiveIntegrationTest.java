package com.streamflix.league.realtime.match;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchParticipantsChangedEvent;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchRescheduledEvent;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchResultCorrectedEvent;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchScoreUpdatedEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.api.prediction.PredictionSettlementLine;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.predictions.Parimutuel;
import com.streamflix.league.predictions.Settlement;
import com.streamflix.league.predictions.Wager;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.testsupport.TestDatabase;
import com.streamflix.league.realtime.socket.Push;
import com.streamflix.league.realtime.socket.SocketClient;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live match channel over a real WebSocket (RULES M1): events appended to the event store as the Match aggregate
 * appends them reach a connected viewer as its snapshot and pushes, through realtime's own processors. The user
 * channel is checked alongside, as it shares the sending machinery.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MatchLiveIntegrationTest {
    private static final String JWT_SECRET = "integration-test-jwt-secret-0123456789abcdef";
    private static final String ORIGIN = "https://league.example";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant KICK_OFF = Instant.parse("2026-03-04T20:00:00Z");

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        TestDatabase.registerFresh(registry);
        registry.add("streamflix.jwt.secret", () -> JWT_SECRET);
        registry.add("streamflix.allowed-origins", () -> ORIGIN);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MatchSnapshots snapshots;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Long> balances = new HashMap<>();

    /** The live processors take their head token once started; an event appended before would not be pushed. */
    @BeforeEach
    void livePushesAreFollowingTheStream() throws InterruptedException {
        for (String group : List.of(Push.LIVE_PROCESSING_GROUP)) {
            StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
                    .orElseThrow();
            awaitTrue(() -> !processor.processingStatus().isEmpty(), group + " claimed its segment");
        }
    }

    @Test
    void aViewerGetsTheSnapshotThenTheScoreAndTheResultAsTheyHappen_M1() throws Exception {
        String match = newMatch();
        append(match, scheduled(match));
        awaitTrue(() -> snapshots.current(match).isPresent(), "the stored snapshot");

        try (SocketClient viewer = connect(match, ORIGIN)) {
            JsonNode snapshot = viewer.next();
            assertThat(snapshot.path("type").asText()).isEqualTo("SNAPSHOT");
            assertThat(snapshot.path("matchId").asText()).isEqualTo(match);
            assertThat(snapshot.path("version").asLong()).isEqualTo(1);
            assertThat(snapshot.path("status").asText()).isEqualTo("SCHEDULED");
            assertThat(snapshot.path("phase").asText()).isEqualTo("LEAGUE");
            assertThat(snapshot.path("scheduledAt").asText()).isEqualTo("2026-03-04T20:00:00Z");
            assertThat(snapshot.path("playerA").path("participantId").asText()).isEqualTo("pa-" + match);
            assertThat(snapshot.path("playerA").path("userId").asText()).isEqualTo("ua");
            assertThat(snapshot.path("playerB").path("participantId").asText()).isEqualTo("pb-" + match);
            assertThat(snapshot.path("scoreA").isNull()).isTrue();

            append(match, new MatchStartedEvent(match, "t1", MatchPhase.LEAGUE, "pa-" + match, "pb-" + match),
                    new MatchScoreUpdatedEvent(match, "t1", 1, 0),
                    new MatchCompletedEvent(match, "t1", MatchPhase.LEAGUE, "pa-" + match, "pb-" + match,
                            MatchResult.played("pa-" + match, "pb-" + match, 2, 1, null)));

            JsonNode started = viewer.next();
            assertThat(started.path("type").asText()).isEqualTo("MATCH_STARTED");
            assertThat(started.path("version").asLong()).isEqualTo(2);
            JsonNode score = viewer.next();
            assertThat(score.path("type").asText()).isEqualTo("SCORE_UPDATE");
            assertThat(score.path("version").asLong()).isEqualTo(3);
            assertThat(score.path("scoreA").asInt()).isEqualTo(1);
            assertThat(score.path("scoreB").asInt()).isZero();
            JsonNode completed = viewer.next();
            assertThat(completed.path("type").asText()).isEqualTo("MATCH_COMPLETED");
            assertThat(completed.path("version").asLong()).isEqualTo(4);
            assertThat(completed.path("scoreA").asInt()).isEqualTo(2);
            assertThat(completed.path("scoreB").asInt()).isEqualTo(1);
            assertThat(completed.path("winnerParticipantId").asText()).isEqualTo("pa-" + match);
            assertThat(completed.path("walkover").asBoolean()).isFalse();
        }

        awaitTrue(() -> snapshots.current(match).map(s -> s.version() == 4).orElse(false), "the stored result");
        try (SocketClient late = connect(match, ORIGIN)) {
            JsonNode snapshot = late.next();
            assertThat(snapshot.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(snapshot.path("version").asLong()).isEqualTo(4);
            assertThat(snapshot.path("scoreA").asInt()).isEqualTo(2);
            assertThat(snapshot.path("result").path("winnerParticipantId").asText()).isEqualTo("pa-" + match);
            assertThat(snapshot.path("result").path("walkover").asBoolean()).isFalse();
        }
    }

    @Test
    void newParticipantsANewDateAWalkoverAndACorrectionArePushedAndStored_M1() throws Exception {
        String match = newMatch();
        append(match, scheduled(match));
        awaitTrue(() -> snapshots.current(match).isPresent(), "the stored snapshot");
        MatchResult walkover = MatchResult.walkover("pc", "pd", "pd");
        MatchResult corrected = MatchResult.played("pc", "pd", 2, 1, null);

        try (SocketClient viewer = connect(match, ORIGIN)) {
            assertThat(viewer.next().path("version").asLong()).isEqualTo(1);
            append(match, new MatchParticipantsChangedEvent(match, "t1", "pc", "uc", "pd", "ud", "bracket"),
                    new MatchRescheduledEvent(match, "t1", KICK_OFF, KICK_OFF.plusSeconds(86_400)),
                    new MatchCompletedEvent(match, "t1", MatchPhase.LEAGUE, "pc", "pd", walkover),
                    new MatchResultCorrectedEvent(match, "t1", MatchPhase.LEAGUE, "pc", "pd", walkover, corrected,
                            "played after all"));

            JsonNode changed = viewer.next();
            assertThat(changed.path("type").asText()).isEqualTo("PARTICIPANTS_CHANGED");
            assertThat(changed.path("playerA").path("participantId").asText()).isEqualTo("pc");
            JsonNode rescheduled = viewer.next();
            assertThat(rescheduled.path("type").asText()).isEqualTo("MATCH_RESCHEDULED");
            assertThat(rescheduled.path("scheduledAt").asText()).isEqualTo("2026-03-05T20:00:00Z");
            JsonNode completed = viewer.next();
            assertThat(completed.path("type").asText()).isEqualTo("MATCH_COMPLETED");
            assertThat(completed.path("walkover").asBoolean()).isTrue();
            assertThat(completed.path("scoreB").asInt()).isEqualTo(3);
            JsonNode correction = viewer.next();
            assertThat(correction.path("type").asText()).isEqualTo("RESULT_CORRECTED");
            assertThat(correction.path("version").asLong()).isEqualTo(5);
            assertThat(correction.path("previous").path("walkover").asBoolean()).isTrue();
            assertThat(correction.path("corrected").path("scoreA").asInt()).isEqualTo(2);
            assertThat(correction.path("corrected").path("winnerParticipantId").asText()).isEqualTo("pc");
            assertThat(correction.path("reason").asText()).isEqualTo("played after all");
        }

        awaitTrue(() -> snapshots.current(match).map(s -> s.version() == 5).orElse(false), "the stored correction");
        try (SocketClient late = connect(match, ORIGIN)) {
            JsonNode snapshot = late.next();
            assertThat(snapshot.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(snapshot.path("scheduledAt").asText()).isEqualTo("2026-03-05T20:00:00Z");
            assertThat(snapshot.path("playerB").path("userId").asText()).isEqualTo("ud");
            assertThat(snapshot.path("scoreA").asInt()).isEqualTo(2);
            assertThat(snapshot.path("scoreB").asInt()).isEqualTo(1);
            assertThat(snapshot.path("result").path("winnerParticipantId").asText()).isEqualTo("pc");
            assertThat(snapshot.path("result").path("walkover").asBoolean()).isFalse();
        }
    }

    /**
     * Issue 11 over a real socket: a burst of placements gives the newest pool (throttled: the first at once, the
     * last when its window ends), the start locks the book with its final pool, the resolution settles it (P2); the
     * stored snapshot carries the book as of its version.
     */
    @Test
    void theBookIsPushedAsItsPoolChangesThenLockedThenSettled_P1_P2() throws Exception {
        String match = newMatch();
        String a = "pa-" + match;
        String b = "pb-" + match;
        append(match, scheduled(match));
        awaitTrue(() -> snapshots.current(match).isPresent(), "the stored snapshot");

        try (SocketClient viewer = connect(match, ORIGIN)) {
            JsonNode snapshot = viewer.next();
            assertThat(snapshot.path("type").asText()).isEqualTo("SNAPSHOT");
            JsonNode book = snapshot.path("predictions");
            assertThat(book.path("status").asText()).isEqualTo("OPEN");
            assertThat(book.path("poolA").asLong()).isZero();
            assertThat(book.path("countB").asInt()).isZero();
            assertThat(book.has("oddsA")).isTrue();
            assertThat(book.path("oddsA").isNull()).isTrue();

            PredictionPool pool = PredictionPool.EMPTY;
            List<Object> placements = new ArrayList<>();
            List<Wager> wagers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                boolean sideA = i % 3 != 0;
                long wager = 100L * (i + 1);
                pool = pool.with(sideA, wager);
                placements.add(new PredictionPlacedEvent(match, "t1", "x" + i, "u" + i, sideA ? a : b, wager, i,
                        pool));
                wagers.add(new Wager("x" + i, "u" + i, sideA ? a : b, wager, i));
            }
            append(match, placements.toArray()); // versions 2..11

            List<JsonNode> updates = new ArrayList<>();
            JsonNode update;
            do {
                update = viewer.next();
                assertThat(update.path("type").asText()).isEqualTo("PREDICTIONS_UPDATED");
                updates.add(update);
            } while (update.path("version").asLong() < 11);
            assertThat(updates).as("one at once, one when the window ends").hasSizeLessThanOrEqualTo(2);
            assertThat(update.path("matchId").asText()).isEqualTo(match);
            assertThat(update.path("version").asLong()).isEqualTo(11);
            assertThat(update.path("poolA").asLong()).isEqualTo(pool.poolA());
            assertThat(update.path("poolB").asLong()).isEqualTo(pool.poolB());
            assertThat(update.path("countA").asInt()).isEqualTo(6);
            assertThat(update.path("countB").asInt()).isEqualTo(4);
            assertThat(update.path("oddsA").asDouble()).isEqualTo((double) pool.total() / pool.poolA());
            assertThat(update.path("oddsB").asDouble()).isEqualTo((double) pool.total() / pool.poolB());

            awaitTrue(() -> snapshots.current(match).map(s -> s.version() == 11).orElse(false), "the stored pool");
            try (SocketClient late = connect(match, ORIGIN)) {
                JsonNode stored = late.next().path("predictions");
                assertThat(stored.path("status").asText()).isEqualTo("OPEN");
                assertThat(stored.path("poolA").asLong()).isEqualTo(pool.poolA());
                assertThat(stored.path("poolB").asLong()).isEqualTo(pool.poolB());
                assertThat(stored.path("countA").asInt()).isEqualTo(6);
                assertThat(stored.path("oddsB").asDouble()).isEqualTo((double) pool.total() / pool.poolB());
            }

            append(match, new MatchStartedEvent(match, "t1", MatchPhase.LEAGUE, a, b),
                    new PredictionBookLockedEvent(match, "t1", pool));
            JsonNode started = viewer.next();
            assertThat(started.path("type").asText()).isEqualTo("MATCH_STARTED");
            assertThat(started.path("version").asLong()).isEqualTo(12);
            JsonNode locked = viewer.next();
            assertThat(locked.path("type").asText()).isEqualTo("PREDICTIONS_LOCKED");
            assertThat(locked.path("matchId").asText()).isEqualTo(match);
            assertThat(locked.path("version").asLong()).isEqualTo(13);
            assertThat(locked.path("poolA").asLong()).isEqualTo(pool.poolA());
            assertThat(locked.path("poolB").asLong()).isEqualTo(pool.poolB());
            assertThat(locked.path("countA").asInt()).isEqualTo(6);
            assertThat(locked.path("countB").asInt()).isEqualTo(4);

            Settlement settlement = Parimutuel.settle(wagers, a, b, b, false);
            List<PredictionSettlementLine> lines = settlement.payouts().stream()
                    .map(p -> new PredictionSettlementLine(p.predictionId(), p.userId(),
                            wagers.stream().filter(w -> w.predictionId().equals(p.predictionId())).findFirst()
                                    .orElseThrow().side(), 0, p.amount()))
                    .toList();
            append(match, new MatchCompletedEvent(match, "t1", MatchPhase.LEAGUE, a, b,
                            MatchResult.played(a, b, 0, 1, null)),
                    new PredictionBookSettledEvent(match, "t1", 1, settlement.outcome().name(), b, settlement.pool(),
                            4, lines, List.of(), null));
            assertThat(viewer.next().path("type").asText()).isEqualTo("MATCH_COMPLETED");
            JsonNode settled = viewer.next();
            assertThat(settled.path("type").asText()).isEqualTo("PREDICTIONS_SETTLED");
            assertThat(settled.path("matchId").asText()).isEqualTo(match);
            assertThat(settled.path("version").asLong()).isEqualTo(15);
            assertThat(settled.path("round").asInt()).isEqualTo(1);
            assertThat(settled.path("outcome").asText()).isEqualTo("PAID");
            assertThat(settled.path("winnerParticipantId").asText()).isEqualTo(b);
            assertThat(settled.path("pool").asLong()).isEqualTo(pool.total());
            assertThat(settled.path("winners").asInt()).isEqualTo(4);
            assertThat(settled.has("correctionReason")).isTrue();
            assertThat(settled.path("correctionReason").isNull()).isTrue();
        }

        awaitTrue(() -> snapshots.current(match).map(s -> s.version() == 15).orElse(false), "the stored settlement");
        try (SocketClient late = connect(match, ORIGIN)) {
            JsonNode snapshot = late.next();
            assertThat(snapshot.path("status").asText()).isEqualTo("COMPLETED");
            assertThat(snapshot.path("predictions").path("status").asText()).isEqualTo("SETTLED");
            assertThat(snapshot.path("predictions").path("countB").asInt()).isEqualTo(4);
        }
    }

    /**
     * Issue 10 over a real socket (RULES V1, V4, V5): the start, then a burst of casts on the voters' wallets as
     * throttled tallies that only grow (at most one per interval, the last one the final count), a viewer who connects
     * mid-vote gets the running tallies in its snapshot, and the end with the final tallies and the winner.
     */
    @Test
    void aVoteIsPushedAsItStartsThenAsThrottledTalliesThenAsItEnds_V1_V4_V5() throws Exception {
        String match = liveMatch();
        String vote = "v-" + UUID.randomUUID();
        String a = "pa-" + match;
        String b = "pb-" + match;

        try (SocketClient viewer = connect(match, ORIGIN)) {
            JsonNode snapshot = viewer.next();
            assertThat(snapshot.has("vote")).isTrue();
            assertThat(snapshot.path("vote").isNull()).isTrue();

            Instant startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            Instant endsAt = startedAt.plusSeconds(120);
            append("VoteEvent", vote, new VoteStartedEvent(vote, match, "t1", a, b, 2, 10, startedAt, endsAt));
            JsonNode started = viewer.next();
            assertThat(started.path("type").asText()).isEqualTo("VOTE_STARTED");
            assertThat(started.path("matchId").asText()).isEqualTo(match);
            assertThat(started.path("voteEventId").asText()).isEqualTo(vote);
            assertThat(started.path("pointsAward").asInt()).isEqualTo(2);
            assertThat(started.path("costPerVote").asLong()).isEqualTo(10);
            assertThat(started.path("participantAId").asText()).isEqualTo(a);
            assertThat(started.path("participantBId").asText()).isEqualTo(b);
            assertThat(started.path("startedAt").asText()).isEqualTo(startedAt.toString());
            assertThat(started.path("endsAt").asText()).isEqualTo(endsAt.toString());

            int casts = 0;
            long votesA = 0;
            long votesB = 0;
            long burst = System.nanoTime();
            for (int round = 0; round < 10; round++) { // 30 casts a round, on 30 wallets, appended together
                List<GenericDomainEventMessage<?>> events = new ArrayList<>();
                for (int voter = 0; voter < 30; voter++) {
                    boolean sideA = voter % 3 != 0;
                    int votes = 1 + voter % 4;
                    events.addAll(cast("voter" + voter + "-" + match, vote, match, sideA ? a : b, votes));
                    casts++;
                    votesA += sideA ? votes : 0;
                    votesB += sideA ? 0 : votes;
                }
                eventStore.publish(events);
                Thread.sleep(60);
            }

            List<JsonNode> tallies = new ArrayList<>();
            JsonNode tally;
            do {
                tally = viewer.next();
                assertThat(tally.path("type").asText()).isEqualTo("VOTE_TALLY");
                tallies.add(tally);
            } while (tally.path("votesA").asLong() + tally.path("votesB").asLong() < votesA + votesB);
            long elapsed = Duration.ofNanos(System.nanoTime() - burst).toMillis();

            assertThat(tallies.size()).as("%d casts, %d ms: at most one tally per 250 ms", casts, elapsed)
                    .isLessThanOrEqualTo((int) (elapsed / 250) + 1)
                    .isLessThan(casts / 10);
            for (int i = 1; i < tallies.size(); i++) {
                assertThat(tallies.get(i).path("votesA").asLong()).as("tallies never go back")
                        .isGreaterThanOrEqualTo(tallies.get(i - 1).path("votesA").asLong());
                assertThat(tallies.get(i).path("votesB").asLong())
                        .isGreaterThanOrEqualTo(tallies.get(i - 1).path("votesB").asLong());
            }
            assertThat(tally.path("voteEventId").asText()).isEqualTo(vote);
            assertThat(tally.path("votesA").asLong()).isEqualTo(votesA);
            assertThat(tally.path("votesB").asLong()).isEqualTo(votesB);
            assertThat(tally.path("voters").asInt()).isEqualTo(30);
            assertThat(tally.has("version")).as("the vote's messages leave the match's version alone").isFalse();

            try (SocketClient midVote = connect(match, ORIGIN)) {
                JsonNode running = midVote.next().path("vote");
                assertThat(running.path("voteEventId").asText()).isEqualTo(vote);
                assertThat(running.path("status").asText()).isEqualTo("OPEN");
                assertThat(running.path("pointsAward").asInt()).isEqualTo(2);
                assertThat(running.path("costPerVote").asLong()).isEqualTo(10);
                assertThat(running.path("endsAt").asText()).isEqualTo(endsAt.toString());
                assertThat(running.path("votesA").asLong()).isEqualTo(votesA);
                assertThat(running.path("votesB").asLong()).isEqualTo(votesB);
                assertThat(running.path("voters").asInt()).isEqualTo(30);
                assertThat(running.path("winnerParticipantId").isNull()).isTrue();

                append("VoteEvent", vote, new VoteEndedEvent(vote, match, "t1", a, b, votesA, votesB, 30, a, 2));
                for (SocketClient watching : List.of(viewer, midVote)) {
                    JsonNode ended = watching.next();
                    assertThat(ended.path("type").asText()).isEqualTo("VOTE_ENDED");
                    assertThat(ended.path("voteEventId").asText()).isEqualTo(vote);
                    assertThat(ended.path("votesA").asLong()).isEqualTo(votesA);
                    assertThat(ended.path("votesB").asLong()).isEqualTo(votesB);
                    assertThat(ended.path("voters").asInt()).isEqualTo(30);
                    assertThat(ended.path("winnerParticipantId").asText()).isEqualTo(a);
                    assertThat(ended.path("tie").asBoolean()).isFalse();
                    assertThat(ended.path("pointsAward").asInt()).isEqualTo(2);
                }
            }
        }

        awaitTrue(() -> snapshots.current(match).map(s -> s.vote() != null && s.vote().status().equals("CLOSED"))
                .orElse(false), "the stored end");
        try (SocketClient late = connect(match, ORIGIN)) {
            JsonNode ended = late.next().path("vote");
            assertThat(ended.path("status").asText()).isEqualTo("CLOSED");
            assertThat(ended.path("winnerParticipantId").asText()).isEqualTo(a);
            assertThat(ended.path("tie").asBoolean()).isFalse();
        }
    }

    /** V5: equal tallies end the vote without a winner. */
    @Test
    void aVoteWithEqualTalliesEndsInATie_V5() throws Exception {
        String match = liveMatch();
        String vote = "v-" + UUID.randomUUID();
        String a = "pa-" + match;
        String b = "pb-" + match;

        try (SocketClient viewer = connect(match, ORIGIN)) {
            viewer.next();
            Instant startedAt = Instant.now();
            append("VoteEvent", vote, new VoteStartedEvent(vote, match, "t1", a, b, 1, 5, startedAt,
                    startedAt.plusSeconds(60)));
            assertThat(viewer.next().path("type").asText()).isEqualTo("VOTE_STARTED");
            castVotes("fan-a-" + match, vote, match, a, 3);
            castVotes("fan-b-" + match, vote, match, b, 3);
            JsonNode tally;
            do {
                tally = viewer.next();
                assertThat(tally.path("type").asText()).isEqualTo("VOTE_TALLY");
            } while (tally.path("votesA").asLong() + tally.path("votesB").asLong() < 6);

            append("VoteEvent", vote, new VoteEndedEvent(vote, match, "t1", a, b, 3, 3, 2, null, 1));
            JsonNode ended = viewer.next();
            assertThat(ended.path("type").asText()).isEqualTo("VOTE_ENDED");
            assertThat(ended.path("votesA").asLong()).isEqualTo(3);
            assertThat(ended.path("votesB").asLong()).isEqualTo(3);
            assertThat(ended.path("tie").asBoolean()).isTrue();
            assertThat(ended.has("winnerParticipantId")).isTrue();
            assertThat(ended.path("winnerParticipantId").isNull()).isTrue();
        }
    }

    /**
     * RULES W4 for votes: the voter's channel gets the balance after the VOTE_SPEND debit (appended with the votes)
     * and after a tie's VOTE_REFUND credit (V5).
     */
    @Test
    void theVoterIsToldTheBalanceAfterTheVoteSpendAndAfterTheRefund_W4_V5() throws Exception {
        String user = "u" + UUID.randomUUID().toString().substring(0, 8);
        String vote = "v-" + UUID.randomUUID();
        try (SocketClient socket = userSocket(user)) {
            assertThat(socket.next().path("balance").asLong()).isZero();
            append("UserWallet", user, new PointsCreditedEvent(user, TransactionType.ADMIN_ADJUSTMENT, 100, 100,
                    "welcome", null, "k1", null));
            assertThat(socket.next().path("balance").asLong()).isEqualTo(100);
            balances.put(user, 100L);

            castVotes(user, vote, "m-any", "p-a", 3); // 3 votes at 10 points: debit, then the votes
            JsonNode spent = socket.next();
            assertThat(spent.path("type").asText()).isEqualTo("POINTS_UPDATE");
            assertThat(spent.path("balance").asLong()).isEqualTo(70);
            assertThat(spent.path("version").asLong()).isEqualTo(2);

            append("UserWallet", user, new PointsCreditedEvent(user, TransactionType.VOTE_REFUND, 30, 100,
                    "Refund: vote " + vote + " ended in a tie", vote, "vote-refund:" + vote, null));
            JsonNode refunded = socket.next();
            assertThat(refunded.path("type").asText()).isEqualTo("POINTS_UPDATE");
            assertThat(refunded.path("balance").asLong()).isEqualTo(100);
            assertThat(refunded.path("version").asLong()).as("after the debit and the votes").isEqualTo(4);
        }
    }

    @Test
    void aMatchNotScheduledYetIsAnUnknownSnapshot() throws Exception {
        try (SocketClient viewer = connect(newMatch(), ORIGIN)) {
            JsonNode snapshot = viewer.next();
            assertThat(snapshot.path("type").asText()).isEqualTo("SNAPSHOT");
            assertThat(snapshot.path("status").asText()).isEqualTo("UNKNOWN");
            assertThat(snapshot.path("version").asLong()).isZero();
        }
    }

    @Test
    void aHandshakeFromAForeignOriginIsRefused() {
        assertThat(handshakeStatus(newMatch(), "https://evil.example")).isEqualTo(403);
    }

    @Test
    void aHandshakeForAnIdThatCannotBeAMatchIsRefused() {
        assertThat(handshakeStatus("not_a_match", ORIGIN)).isEqualTo(400);
        assertThat(handshakeStatus("m".repeat(65), ORIGIN)).isEqualTo(400);
    }

    /** The channel is public: a stale or forged session cookie does not stop anyone from watching. */
    @Test
    void aViewerWithAnInvalidSessionCookieStillWatches() throws Exception {
        try (SocketClient viewer = connect(newMatch(), ORIGIN, "streamflix_session=not-a-jwt")) {
            assertThat(viewer.next().path("type").asText()).isEqualTo("SNAPSHOT");
        }
    }

    /** The private channel: an invalid cookie is no session (401), and is cleared as on every service (issue #13). */
    @Test
    void theUserChannelRefusesAnInvalidCookieAndClearsIt() {
        var refused = new Object() {
            java.net.http.HttpResponse<?> response;
        };
        assertThatThrownBy(() -> http.newWebSocketBuilder().header("Origin", ORIGIN)
                .header("Cookie", "streamflix_session=not-a-jwt")
                .buildAsync(URI.create("ws://localhost:" + port + "/api/user/connect"), new SocketClient()).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> refused.response = ((WebSocketHandshakeException) e).getResponse());
        assertThat(refused.response.statusCode()).isEqualTo(401);
        assertThat(refused.response.headers().allValues("Set-Cookie"))
                .anyMatch(c -> c.startsWith("streamflix_session=;") && c.contains("Max-Age=0") && c.contains("Path=/"));
    }

    /** RULES W4 through the shared sender: the stored balance first, then each change. */
    @Test
    void theUserChannelStillGetsItsBalanceThenEveryChange_W4() throws Exception {
        String user = "u" + UUID.randomUUID().toString().substring(0, 8);
        var socket = new SocketClient();
        socket.webSocket = http.newWebSocketBuilder().header("Origin", ORIGIN)
                .header("Cookie", "streamflix_session=" + session(user))
                .buildAsync(URI.create("ws://localhost:" + port + "/api/user/connect"), socket)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        try (socket) {
            JsonNode first = socket.next();
            assertThat(first.path("type").asText()).isEqualTo("POINTS_UPDATE");
            assertThat(first.path("balance").asLong()).isZero();
            append("UserWallet", user, new PointsCreditedEvent(user, TransactionType.ADMIN_ADJUSTMENT, 50, 50,
                    "welcome", null, "k1", null));
            JsonNode credited = socket.next();
            assertThat(credited.path("balance").asLong()).isEqualTo(50);
            assertThat(credited.path("version").asLong()).isEqualTo(1);
        }
    }

    /** A scheduled, then started match, stored. */
    private String liveMatch() throws InterruptedException {
        String match = newMatch();
        append(match, scheduled(match),
                new MatchStartedEvent(match, "t1", MatchPhase.LEAGUE, "pa-" + match, "pb-" + match));
        awaitTrue(() -> snapshots.current(match).map(s -> s.version() == 2).orElse(false), "the stored start");
        return match;
    }

    /**
     * A cast as the voter's wallet appends it (V2): the VOTE_SPEND debit, then the votes. The balance is the debit's
     * alone; a voter without points is credited first, as the wallet would refuse the cast.
     */
    private void castVotes(String userId, String vote, String match, String participantId, int votes) {
        eventStore.publish(cast(userId, vote, match, participantId, votes));
    }

    private List<GenericDomainEventMessage<?>> cast(String userId, String vote, String match, String participantId,
                                                    int votes) {
        List<GenericDomainEventMessage<?>> events = new ArrayList<>();
        long price = votes * 10L;
        long balance = balances.merge(userId, 0L, Long::sum);
        if (balance < price) {
            events.addAll(events("UserWallet", userId, new PointsCreditedEvent(userId,
                    TransactionType.ADMIN_ADJUSTMENT, 1_000, balance + 1_000, "welcome", null,
                    "k-" + UUID.randomUUID(), null)));
            balance = balances.merge(userId, 1_000L, Long::sum);
        }
        balances.put(userId, balance - price);
        events.addAll(events("UserWallet", userId,
                new PointsDebitedEvent(userId, TransactionType.VOTE_SPEND, -price, balance - price,
                        votes + " vote(s) in vote " + vote, vote, "vote-cast:c-" + UUID.randomUUID(), null),
                new VotesCastEvent(userId, "c-" + UUID.randomUUID(), vote, match, participantId, votes, 10)));
        return events;
    }

    private SocketClient userSocket(String userId) throws Exception {
        var socket = new SocketClient();
        socket.webSocket = http.newWebSocketBuilder().header("Origin", ORIGIN)
                .header("Cookie", "streamflix_session=" + session(userId))
                .buildAsync(URI.create("ws://localhost:" + port + "/api/user/connect"), socket)
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return socket;
    }

    private static String newMatch() {
        return "m-" + UUID.randomUUID();
    }

    private static MatchScheduledEvent scheduled(String match) {
        return new MatchScheduledEvent(match, "t1", MatchPhase.LEAGUE, 1, "pa-" + match, "ua", "pb-" + match, "ub",
                KICK_OFF);
    }

    private void append(String match, Object... payloads) {
        append("Match", match, payloads);
    }

    /** Appends to one aggregate's stream, numbered as the aggregate would number it. */
    private void append(String aggregateType, String aggregateId, Object... payloads) {
        eventStore.publish(events(aggregateType, aggregateId, payloads));
    }

    private List<GenericDomainEventMessage<?>> events(String aggregateType, String aggregateId, Object... payloads) {
        List<GenericDomainEventMessage<?>> messages = new ArrayList<>();
        for (Object payload : payloads) {
            long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence, payload));
        }
        return messages;
    }

    private SocketClient connect(String match, String origin, String... cookie) throws Exception {
        SocketClient viewer = new SocketClient();
        var builder = http.newWebSocketBuilder().header("Origin", origin);
        if (cookie.length > 0) {
            builder.header("Cookie", cookie[0]);
        }
        viewer.webSocket = builder.buildAsync(URI.create("ws://localhost:" + port + "/api/matches/" + match + "/live"),
                viewer).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return viewer;
    }

    private int handshakeStatus(String match, String origin) {
        var refused = new Object() {
            int status;
        };
        assertThatThrownBy(() -> http.newWebSocketBuilder().header("Origin", origin)
                .buildAsync(URI.create("ws://localhost:" + port + "/api/matches/" + match + "/live"),
                        new SocketClient())
                .join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> refused.status = ((WebSocketHandshakeException) e).getResponse().statusCode());
        return refused.status;
    }

    private static String session(String userId) {
        return SocketClient.session(JWT_SECRET, userId);
    }

    private static void awaitTrue(BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
