package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static com.streamflix.league.system.StackClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out (issue #10) on a stack of its own: two command-service and two realtime-service instances on the one
 * PostgreSQL. RULES W2 and V2 across JVMs: 50 concurrent one-point votes from one viewer whose balance covers 10,
 * sent half to each command-service instance directly (the edge would route them all to one), leave exactly 10
 * accepted, a zero balance and 10 casts. V3: the vote's close runs once across the two instances (one
 * {@code VoteEndedEvent}, one db-scheduler execution).
 */
class VoteScaleOutSystemTest extends OwnStackSystemTest {
    static final int REQUESTS = 50;
    static final int AFFORDABLE = 10;

    @BeforeAll
    static void start() throws Exception {
        // the burst is raised so that every one of the 50 reaches the wallet: the test is about the balance, not 429
        startOwnStack("scale-out", 2, 2, Map.of("STREAMFLIX_VOTES_BURST", String.valueOf(REQUESTS),
                "STREAMFLIX_RATELIMITS_USERWRITESBURST", String.valueOf(REQUESTS)));
    }

    @Test
    void fiftyConcurrentVotesOverTwoInstancesSpendExactlyTheBalanceAndTheVoteClosesOnce_W2_V2_V3() throws Exception {
        assertThat(stack.commandUris()).hasSize(2);
        assertThat(stack.realtimeUris()).hasSize(2);
        VoteSteps.LiveMatch match = VoteSteps.liveLeagueMatch(client, "Scale-out Cup", 5);
        String voter = SystemTest.subscriber();
        VoteSteps.fund(client, voter, AFFORDABLE);
        JsonNode vote = VoteSteps.startVote(client, match.matchId(), 1, 1, 10);
        String voteId = vote.path("voteEventId").asText();
        Instant endsAt = Instant.parse(vote.path("endsAt").asText());

        ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                URI instance = stack.commandUris().get(i % 2);
                sent.add(pool.submit(() -> {
                    go.await();
                    return VoteSteps.cast(client, instance, voter, voteId, match.participantAId(), 1);
                }));
            }
            go.countDown();
            for (int i = 0; i < sent.size(); i++) {
                HttpResponse<String> answer = sent.get(i).get();
                // 429: the voter's earlier casts held their lock too long (issue #13); the client sends it again
                while (answer.statusCode() == 429) {
                    answer = VoteSteps.cast(client, stack.commandUris().get(i % 2), voter, voteId,
                            match.participantAId(), 1);
                }
                answers.add(answer);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Instant.now()).as("the burst ran while the vote was open").isBefore(endsAt);
        Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode,
                TreeMap::new, Collectors.counting()));
        System.out.println("50 votes over two instances: " + byStatus);
        assertThat(byStatus).as(answers.stream().filter(a -> a.statusCode() != 200).map(HttpResponse::body)
                .distinct().toList().toString()).containsOnlyKeys(200, 409).containsEntry(200, (long) AFFORDABLE);
        List<Long> balances = new ArrayList<>();
        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 200) {
                balances.add(JSON.readTree(answer.body()).path("balance").asLong());
            }
        }
        assertThat(balances).containsExactlyInAnyOrder(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L); // W2: one step each

        try (var db = VoteSteps.eventStore(stack)) {
            assertThat(VoteSteps.balance(db, voter)).isZero();
            assertThat(VoteSteps.events(db, "VotesCastEvent", voteId)).isEqualTo(AFFORDABLE);

            // V3: closed once, by one of the two instances
            Instant deadline = endsAt.plusSeconds(15);
            while (VoteSteps.events(db, "VoteEndedEvent", voteId) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            JsonNode ended = VoteSteps.onlyEvent(db, "VoteEndedEvent", voteId);
            assertThat(ended.path("votesA").asLong()).isEqualTo(AFFORDABLE);
            assertThat(ended.path("winnerParticipantId").asText()).isEqualTo(match.participantAId());
            assertThat(VoteSteps.events(db, "VoteBonusAwardedEvent", voteId)).isOne();
        }
        Thread.sleep(2_000); // a second run, had there been one, would have completed by now
        long executions = 0;
        for (URI instance : stack.commandUris()) {
            executions += closeExecutions(instance);
        }
        assertThat(executions).as("db-scheduler executions of the vote's close on the two instances").isOne();
    }

    /** db-scheduler's count of finished close-vote executions on one instance (its Micrometer metrics). */
    static long closeExecutions(URI instance) throws Exception {
        String metrics = client.get(instance, "/actuator/prometheus", null).body();
        return Math.round(metrics.lines()
                .filter(line -> line.startsWith("dbscheduler_task_completions_total{") && line.contains("task=\"close-vote\""))
                .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                .map(Double::parseDouble)
                .mapToDouble(Double::doubleValue).sum());
    }

}
