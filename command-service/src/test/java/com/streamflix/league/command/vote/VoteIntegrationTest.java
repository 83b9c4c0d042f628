package com.streamflix.league.command.vote;

import com.fasterxml.jackson.databind.JsonNode;
import com.streamflix.league.command.testsupport.CommandServiceTest;
import com.streamflix.league.command.testsupport.DrawnLeague;
import com.streamflix.league.command.testsupport.Http;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live votes over HTTP against PostgreSQL (RULES V1–V5, W2): the debit and the votes together, every refusal
 * debiting nothing, the durable deadline closing the vote, the winner's league points on the tournament, a tie
 * refunding each voter once, and a burst from one viewer never spending more than the balance.
 */
class VoteIntegrationTest extends CommandServiceTest {
    @Autowired
    DataSource dataSource;
    @Autowired
    CommandGateway commands;
    Http http;
    DrawnLeague league;
    String tournament;

    @BeforeEach
    void setUp() throws Exception {
        http = new Http(port);
        league = new DrawnLeague(commands, http, jdbc, "Vote Cup", 9);
        tournament = league.tournament;
    }


    HttpResponse<String> startVote(String match, String body) throws Exception {
        return http.asAdmin("POST", "/api/admin/matches/" + match + "/start-vote", body);
    }

    String liveVote(int fixture, int award, long cost, int seconds) throws Exception {
        assertThat(http.asAdmin("POST", "/api/admin/matches/" + league.matchId(fixture) + "/start", null).statusCode())
                .isBetween(200, 204);
        var started = startVote(league.matchId(fixture),
                "{\"pointsAward\":" + award + ",\"costPerVote\":" + cost + ",\"durationSeconds\":" + seconds + "}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        return JSON.readTree(started.body()).path("voteEventId").asText();
    }

    HttpResponse<String> vote(String user, String vote, String participant, int votes) throws Exception {
        return http.asUser(user, "POST", "/api/vote-events/" + vote + "/votes",
                "{\"participantId\":\"" + participant + "\",\"votes\":" + votes + "}");
    }

    static String problemType(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("type").asText();
    }

    @Test
    void startVoteNeedsALiveLeagueMatchOneAtATimeAndTermsInRange_V1() throws Exception {
        String match = league.matchId(0);
        var notLive = startVote(match, "{\"pointsAward\":1,\"costPerVote\":10,\"durationSeconds\":60}");
        assertThat(notLive.statusCode()).as(notLive.body()).isEqualTo(409);
        assertThat(http.asAdmin("POST", "/api/admin/matches/" + match + "/start", null).statusCode()).isBetween(200, 204);
        for (String[] bad : new String[][]{
                {"{\"pointsAward\":4,\"costPerVote\":10,\"durationSeconds\":60}", "pointsAward"},
                {"{\"pointsAward\":0,\"costPerVote\":10,\"durationSeconds\":60}", "pointsAward"},
                {"{\"pointsAward\":1,\"costPerVote\":0,\"durationSeconds\":60}", "costPerVote"},
                {"{\"pointsAward\":1,\"costPerVote\":10,\"durationSeconds\":9}", "durationSeconds"},
                {"{\"pointsAward\":1,\"costPerVote\":10,\"durationSeconds\":601}", "durationSeconds"}}) {
            var refused = startVote(match, bad[0]);
            assertThat(refused.statusCode()).as(bad[0]).isEqualTo(422);
            assertThat(JSON.readTree(refused.body()).path("field").asText()).isEqualTo(bad[1]);
        }
        assertThat(startVote(match, "{\"pointsAward\":1,\"costPerVote\":10}").statusCode()).isEqualTo(400);
        assertThat(startVote(match, "{\"pointsAward\":2,\"costPerVote\":10,\"durationSeconds\":60}").statusCode())
                .isEqualTo(201);
        var second = startVote(match, "{\"pointsAward\":2,\"costPerVote\":10,\"durationSeconds\":60}");
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409); // one active vote per match
        // the result waits for the vote: its award belongs to the table the result may complete
        var resolve = http.asAdmin("POST", "/api/admin/matches/" + match + "/resolve-match", "{\"scoreA\":1,\"scoreB\":0}");
        assertThat(resolve.statusCode()).as(resolve.body()).isEqualTo(409);
        assertThat(events(tournament, "VoteBonusAwardedEvent")).isZero();
        assertThat(startVote("no-such-match", "{\"pointsAward\":1,\"costPerVote\":1,\"durationSeconds\":60}")
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aVoteIsDebitedWithItsVotesAndEveryRefusalDebitsNothing_V2_W2() throws Exception {
        String vote = liveVote(1, 1, 10, 120);
        String rich = league.fundedViewer(1000);
        var cast = vote(rich, vote, league.home(1), 7);
        assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(cast.body());
        assertThat(body.path("cost").asLong()).isEqualTo(70);
        assertThat(body.path("balance").asLong()).isEqualTo(930);
        assertThat(league.balance(rich)).isEqualTo(930);
        assertThat(events(rich, "VotesCastEvent")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT sum(votes) FROM vote_cast WHERE vote_event_id = ?", Long.class, vote))
                .isEqualTo(7);

        String poor = league.fundedViewer(25);
        var tooDear = vote(poor, vote, league.away(1), 3);
        assertThat(tooDear.statusCode()).as(tooDear.body()).isEqualTo(409);
        assertThat(problemType(tooDear)).contains("insufficient");
        assertThat(vote(poor, vote, "somebody-else", 1).statusCode()).isEqualTo(422);
        assertThat(vote(poor, vote, league.away(1), 0).statusCode()).isEqualTo(422);
        assertThat(vote(poor, vote, league.away(1), 101).statusCode()).isEqualTo(422);
        assertThat(vote(poor, "no-such-vote", league.away(1), 1).statusCode()).isEqualTo(404);
        String neverEarned = "viewer-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(vote(neverEarned, vote, league.away(1), 1).statusCode()).isEqualTo(409);
        assertThat(events(neverEarned, "WalletOpenedEvent")).isZero();

        assertThat(http.asAdmin("POST", "/api/admin/users/" + poor + "/ban", "{\"reason\":\"abuse\"}").statusCode())
                .isBetween(200, 204);
        assertThat(vote(poor, vote, league.away(1), 1).statusCode()).isEqualTo(403);
        assertThat(league.balance(poor)).isEqualTo(25);
        assertThat(events(poor, "VotesCastEvent")).isZero();
        // the admin key is nobody's wallet
        assertThat(http.asAdmin("POST", "/api/vote-events/" + vote + "/votes",
                "{\"participantId\":\"" + league.home(1) + "\",\"votes\":1}").statusCode()).isEqualTo(403);
    }

    @Test
    void fiftyConcurrentVotesFromOneViewerSpendExactlyTheBalance_W2() throws Exception {
        String vote = liveVote(2, 1, 10, 120);
        String user = league.fundedViewer(100); // covers 10 votes
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(pool.submit((Callable<Integer>) () -> {
                go.await();
                return vote(user, vote, league.home(2), 1).statusCode();
            }));
        }
        go.countDown();
        int accepted = 0;
        for (Future<Integer> status : statuses) {
            int code = status.get();
            // 429: the viewer's earlier casts held their lock too long (issue #13); the client sends it again later
            while (code == 429) {
                code = vote(user, vote, league.home(2), 1).statusCode();
            }
            assertThat(code).isIn(200, 409);
            accepted += code == 200 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(10);
        assertThat(league.balance(user)).isZero();
        assertThat(events(user, "VotesCastEvent")).isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vote_cast WHERE user_id = ?", Integer.class, user))
                .isEqualTo(10);
    }

    /** Issue #13: a cast that would wait longer for the voter's lock than a moment is answered 429, debiting nothing. */
    @Test
    void aCastThatWouldWaitForTheVotersBusyLockAnswers429() throws Exception {
        String vote = liveVote(2, 1, 10, 120);
        String user = league.fundedViewer(100);
        try (var holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
                lock.setString(1, "wallet:" + user);
                lock.execute();
            }
            long started = System.nanoTime();
            var busy = vote(user, vote, league.home(2), 1);
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(429);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(busy.body()).contains("busy");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            holder.rollback();
        }
        assertThat(league.balance(user)).isEqualTo(100);
        assertThat(vote(user, vote, league.home(2), 1).statusCode()).isEqualTo(200);
    }

    @Test
    void tooManyRequestsAnswer429WithRetryAfterAndDebitNothing() throws Exception {
        String vote = liveVote(3, 1, 10, 120);
        String user = league.fundedViewer(1_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 2 * VOTE_BURST; i++) {
            responses.add(pool.submit(() -> vote(user, vote, league.away(3), 1)));
        }
        int accepted = 0;
        HttpResponse<String> tooMany = null;
        for (Future<HttpResponse<String>> response : responses) {
            int code = response.get().statusCode();
            assertThat(code).isIn(200, 429);
            accepted += code == 200 ? 1 : 0;
            tooMany = code == 429 ? response.get() : tooMany;
        }
        pool.shutdown();
        assertThat(tooMany).isNotNull();
        assertThat(tooMany.headers().firstValue("Retry-After"))
                .hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(problemType(tooMany)).contains("too-many-requests");
        assertThat(accepted).isBetween(VOTE_BURST, 2 * VOTE_BURST - 1);
        assertThat(league.balance(user)).isEqualTo(1_000_000 - 10L * accepted);
        assertThat(events(user, "VotesCastEvent")).isEqualTo(accepted);

        // two events a cast: the wallet was snapshotted on the way, and loads from the snapshot to the same balance
        Instant deadline = Instant.now().plusSeconds(10);
        while (snapshots(user) == 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(snapshots(user)).isPositive();
        Thread.sleep(1100); // a token back in the bucket
        var after = vote(user, vote, league.away(3), 1);
        assertThat(after.statusCode()).as(after.body()).isEqualTo(200);
        assertThat(JSON.readTree(after.body()).path("balance").asLong()).isEqualTo(1_000_000 - 10L * (accepted + 1));
    }

    int snapshots(String aggregateId) {
        return jdbc.queryForObject("SELECT count(*) FROM eventstore.snapshot_event_entry WHERE aggregate_identifier = ?",
                Integer.class, aggregateId);
    }

    /**
     * V3, V5: two votes end on their deadline: one won (the award on the tournament, once), one tied (every voter
     * refunded in full, once); votes after the end are refused and cost nothing.
     */
    @Test
    void theDeadlineClosesTheVoteAwardsTheWinnerAndRefundsATie_V3_V5() throws Exception {
        String won = liveVote(4, 2, 10, 10);
        String tied = liveVote(5, 1, 5, 10);
        String a = league.fundedViewer(500);
        String b = league.fundedViewer(500);
        String c = league.fundedViewer(500);
        assertThat(vote(a, won, league.home(4), 3).statusCode()).isEqualTo(200);
        assertThat(vote(b, won, league.away(4), 2).statusCode()).isEqualTo(200);
        assertThat(vote(a, tied, league.home(5), 4).statusCode()).isEqualTo(200);
        assertThat(vote(b, tied, league.away(5), 1).statusCode()).isEqualTo(200);
        assertThat(vote(c, tied, league.away(5), 3).statusCode()).isEqualTo(200);
        assertThat(vote(c, tied, league.home(5), 0).statusCode()).isEqualTo(422);
        assertThat(league.balance(a)).isEqualTo(500 - 30 - 20);
        assertThat(league.balance(b)).isEqualTo(500 - 20 - 5);
        assertThat(league.balance(c)).isEqualTo(500 - 15);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while ((events(won, "VoteEndedEvent") == 0 || events(tied, "VoteEndedEvent") == 0
                || events(c, "PointsCreditedEvent") < 2) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(events(won, "VoteEndedEvent")).isEqualTo(1);
        assertThat(events(tied, "VoteEndedEvent")).isEqualTo(1);
        assertThat(events(tournament, "VoteBonusAwardedEvent")).isEqualTo(1);
        String award = jdbc.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry
                WHERE aggregate_identifier = ? AND payload_type LIKE '%VoteBonusAwardedEvent'""", String.class, tournament);
        assertThat(JSON.readTree(award).path("participantId").asText()).isEqualTo(league.home(4));
        assertThat(JSON.readTree(award).path("points").asInt()).isEqualTo(2);

        // a voter's refund is everything they spent in the tied vote, once; the won vote's spend stays spent
        assertThat(league.balance(a)).isEqualTo(500 - 30);
        assertThat(league.balance(b)).isEqualTo(500 - 20);
        assertThat(league.balance(c)).isEqualTo(500);
        for (String voter : List.of(a, b, c)) {
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM eventstore.domain_event_entry WHERE aggregate_identifier = ?
                    AND payload_type LIKE '%PointsCreditedEvent' AND convert_from(payload, 'UTF8') LIKE '%VOTE_REFUND%'""",
                    Integer.class, voter)).isEqualTo(1);
        }

        var late = vote(a, won, league.home(4), 1);
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(problemType(late)).contains("vote-closed");
        assertThat(league.balance(a)).isEqualTo(470);
        // the match is free again: it may be resolved, and may host another vote
        assertThat(http.asAdmin("POST", "/api/admin/matches/" + league.matchId(5) + "/resolve-match",
                "{\"scoreA\":0,\"scoreB\":0}").statusCode()).isBetween(200, 204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE task_instance IN (?, ?)",
                Integer.class, won, tied)).isZero(); // each deadline ran once and is gone
    }
}
