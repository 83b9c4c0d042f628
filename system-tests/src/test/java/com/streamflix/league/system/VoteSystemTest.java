package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.streamflix.league.system.StackClient.JSON;
import static com.streamflix.league.system.VoteSteps.cast;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live vote over HTTP and WebSocket through the edge (RULES V1–V5, W2, W4): an admin starts a 10 s vote on a live
 * league match, three viewers buy votes, a fourth is refused for want of points with nothing debited, a match-channel
 * viewer sees {@code VOTE_STARTED}, {@code VOTE_TALLY} and {@code VOTE_ENDED}, each voter's tab gets its
 * {@code POINTS_UPDATE}, the deadline closes the vote on time, and the award is in the standings and the vote's
 * history.
 */
class VoteSystemTest extends SystemTest {
    static final int AWARD = 2;
    static final long COST = 5;
    static final long FUNDS = 100;

    @BeforeAll
    static void broadcaster() throws Exception {
        connectBroadcaster();
    }

    @Test
    void aLiveVoteAwardsTheFavouriteAndRefusesAnOverspend_V1_V2_V3_V4_V5_W2_W4() throws Exception {
        VoteSteps.LiveMatch match = VoteSteps.liveLeagueMatch(client, "Vote Night", 77);
        URI sockets = URI.create("ws://localhost:" + stack.edge.port);
        Map<String, StackClient.Socket> tabs = new LinkedHashMap<>();
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String voter = subscriber();
            voters.add(voter);
            VoteSteps.fund(client, voter, FUNDS);
            tabs.put(voter, client.connect(sockets, client.sessionCookie(voter, "viewer_" + voter),
                    StackFixture.ALLOWED_ORIGIN));
        }
        String poor = subscriber();
        VoteSteps.fund(client, poor, 7); // one vote's worth, not two
        try (var watcher = client.connect(sockets, "/api/matches/" + match.matchId() + "/live", null,
                StackFixture.ALLOWED_ORIGIN)) {
            for (String voter : voters) {
                VoteSteps.awaitBalance(tabs.get(voter), FUNDS, Duration.ofSeconds(10));
            }
            assertThat(watcher.next(Duration.ofSeconds(5)).message().path("type").asText()).isEqualTo("SNAPSHOT");

            JsonNode vote = VoteSteps.startVote(client, match.matchId(), AWARD, COST, 10);
            String voteId = vote.path("voteEventId").asText();
            Instant endsAt = Instant.parse(vote.path("endsAt").asText());
            String a = vote.path("participantAId").asText();
            String b = vote.path("participantBId").asText();
            assertThat(List.of(a, b)).containsExactly(match.participantAId(), match.participantBId());
            JsonNode started = VoteSteps.nextVoteMessage(watcher, "VOTE_STARTED", voteId, Duration.ofSeconds(5));
            assertThat(started.path("pointsAward").asInt()).isEqualTo(AWARD); // V4: award, cost, end time
            assertThat(started.path("costPerVote").asLong()).isEqualTo(COST);
            assertThat(Instant.parse(started.path("endsAt").asText())).isEqualTo(endsAt);

            // V2: 4 + 3 votes for A, 2 for B, each paid in the same commit
            int[] bought = {4, 3, 2};
            String[] sides = {a, a, b};
            for (int i = 0; i < 3; i++) {
                var cast = cast(client, client.edge, voters.get(i), voteId, sides[i], bought[i]);
                assertThat(cast.statusCode()).as(cast.body()).isEqualTo(200);
                JsonNode paid = JSON.readTree(cast.body());
                assertThat(paid.path("cost").asLong()).isEqualTo(bought[i] * COST);
                assertThat(paid.path("balance").asLong()).isEqualTo(FUNDS - bought[i] * COST);
            }
            // V2, W2: two votes cost 10, the balance is 7: refused, nothing debited; a stranger to the match: 422
            var overspend = cast(client, client.edge, poor, voteId, a, 2);
            assertThat(overspend.statusCode()).as(overspend.body()).isEqualTo(409);
            var stranger = cast(client, client.edge, voters.get(0), voteId, "someone-else", 1);
            assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(422);

            for (int i = 0; i < 3; i++) { // W4: each voter's tab hears of the debit
                VoteSteps.awaitBalance(tabs.get(voters.get(i)), FUNDS - bought[i] * COST, Duration.ofSeconds(5));
            }
            JsonNode tally = VoteSteps.nextVoteMessage(watcher, "VOTE_TALLY", voteId, Duration.ofSeconds(5));
            while (tallies(tally).stream().mapToLong(Long::longValue).sum() < 9) { // throttled; the newest never lost
                tally = VoteSteps.nextVoteMessage(watcher, "VOTE_TALLY", voteId, Duration.ofSeconds(5));
            }
            assertThat(tallies(tally)).containsExactly(7L, 2L);
            assertThat(tally.path("voters").asInt()).isEqualTo(3);
            try (var latecomer = client.connect(sockets, "/api/matches/" + match.matchId() + "/live", null,
                    StackFixture.ALLOWED_ORIGIN)) { // V4: who connects mid-vote gets the running tally in the snapshot
                JsonNode snapshot = latecomer.next(Duration.ofSeconds(5)).message();
                assertThat(snapshot.path("type").asText()).isEqualTo("SNAPSHOT");
                assertThat(snapshot.path("vote").path("voteEventId").asText()).isEqualTo(voteId);
                assertThat(snapshot.path("vote").path("status").asText()).isEqualTo("OPEN");
                assertThat(List.of(snapshot.path("vote").path("votesA").asLong(),
                        snapshot.path("vote").path("votesB").asLong())).containsExactly(7L, 2L);
            }

            // V3: the deadline closes it on time; V4: the final tallies and the winner
            JsonNode ended = VoteSteps.nextVoteMessage(watcher, "VOTE_ENDED", voteId,
                    Duration.between(Instant.now(), endsAt).plusSeconds(10));
            Instant endedSeen = Instant.now();
            assertThat(Duration.between(endsAt, endedSeen)).isLessThan(Duration.ofSeconds(5));
            assertThat(tallies(ended)).containsExactly(7L, 2L);
            assertThat(ended.path("winnerParticipantId").asText()).isEqualTo(a);
            assertThat(ended.path("tie").asBoolean()).isFalse();
            var late = cast(client, client.edge, voters.get(2), voteId, b, 1);
            assertThat(late.statusCode()).as(late.body()).isEqualTo(409); // V3: after the end, refused, not charged

            // V5: the award in the table (S1) and in the vote's public history
            JsonNode standings = client.awaitJson("/api/tournaments/" + match.tournamentId() + "/standings",
                    s -> row(s, a).path("bonusPoints").asInt() == AWARD);
            assertThat(row(standings, b).path("bonusPoints").asInt()).isZero();
            JsonNode history = client.awaitJson("/api/matches/" + match.matchId() + "/votes",
                    v -> v.path("items").size() == 1 && v.path("items").get(0).path("status").asText().equals("CLOSED"));
            JsonNode closed = history.path("items").get(0);
            assertThat(closed.path("voteEventId").asText()).isEqualTo(voteId);
            assertThat(closed.path("participantA").path("votes").asLong()).isEqualTo(7);
            assertThat(closed.path("participantB").path("votes").asLong()).isEqualTo(2);
            assertThat(closed.path("voters").asInt()).isEqualTo(3);
            assertThat(closed.path("winnerParticipantId").asText()).isEqualTo(a);
            assertThat(closed.path("tie").asBoolean()).isFalse();

            // nothing was taken from the refused viewer, nor from the late vote
            JsonNode poorRead = JSON.readTree(client.get(client.edge, "/api/users/me",
                    client.sessionCookie(poor, "viewer_" + poor)).body());
            assertThat(poorRead.path("balance").asLong()).isEqualTo(7);
            try (var db = VoteSteps.eventStore(stack)) {
                assertThat(VoteSteps.balance(db, poor)).isEqualTo(7);
                assertThat(VoteSteps.balance(db, voters.get(2))).isEqualTo(FUNDS - 2 * COST);
                assertThat(VoteSteps.events(db, "VotesCastEvent", voteId)).isEqualTo(3);
                assertThat(VoteSteps.events(db, "VoteEndedEvent", voteId)).isOne();
                assertThat(VoteSteps.events(db, "VoteBonusAwardedEvent", voteId)).isOne();
            }

            // W3: the ledgers the real wallets wrote replay, chain and verify clean (issue #12), through the edge
            Map<String, String> auditor = Map.of("X-Audit-Key", stack.settings.secrets().auditKey());
            JsonNode ledger = JSON.readTree(client.send(client.edge, "GET", "/api/audit/users/" + voters.get(0)
                    + "/ledger", auditor, null).body());
            assertThat(ledger.path("finalBalance").asLong()).isEqualTo(FUNDS - bought[0] * COST);
            assertThat(ledger.path("problems").size()).isZero();
            assertThat(ledger.path("entries").findValuesAsText("chainHash")).hasSize(2).allMatch(h -> h.length() == 64);
            var verify = client.send(client.edge, "POST", "/api/audit/verify", auditor, null);
            assertThat(verify.statusCode()).as(verify.body()).isEqualTo(202);
            String job = verify.headers().firstValue("Location").orElseThrow();
            JsonNode report = null;
            for (Instant until = Instant.now().plusSeconds(30); Instant.now().isBefore(until); Thread.sleep(200)) {
                report = JSON.readTree(client.send(client.edge, "GET", job, auditor, null).body());
                if (!report.path("status").asText().equals("RUNNING")) {
                    break;
                }
            }
            assertThat(report.path("status").asText()).as(String.valueOf(report)).isEqualTo("SUCCEEDED");
            assertThat(report.path("result").path("mismatchCount").asLong()).as(report.toString()).isZero();
            assertThat(report.path("result").path("tamperedEventCount").asLong()).as(report.toString()).isZero();
            assertThat(report.path("result").path("unchainedEntries").asLong()).isZero();
        } finally {
            tabs.values().forEach(StackClient.Socket::close);
        }
    }

    /** A VOTE_TALLY's or VOTE_ENDED's votes for player A and B. */
    static List<Long> tallies(JsonNode message) {
        return List.of(message.path("votesA").asLong(), message.path("votesB").asLong());
    }

    static JsonNode row(JsonNode standings, String participantId) {
        for (JsonNode row : standings.path("rows")) {
            if (row.path("participantId").asText().equals(participantId)) {
                return row;
            }
        }
        throw new AssertionError("no standings row for " + participantId);
    }
}
