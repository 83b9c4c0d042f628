package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static com.streamflix.league.system.StackClient.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * RULES V3 and V5 across a crash, on a stack of its own: command-service is killed with SIGKILL in the middle of a
 * vote while viewers keep voting, then started again. The durable deadline still closes the vote on time, the award
 * is given exactly once, and no point is created or lost (W2, W3): from the event store, every wallet's balance is its
 * credits less its debits, and the votes counted are exactly the votes paid for.
 */
class VoteRestartSystemTest extends OwnStackSystemTest {
    static final int SECONDS = 20;
    static final long COST = 2;
    static final long FUNDS = 200;

    @BeforeAll
    static void start() throws Exception {
        startOwnStack("vote-restart", 1, 1, Map.of());
    }

    @Test
    void aVoteInterruptedByAKillClosesOnTimeAndAwardsOnce_V3_V5_W2() throws Exception {
        VoteSteps.LiveMatch match = VoteSteps.liveLeagueMatch(client, "Restart Cup", 3);
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            voters.add(SystemTest.subscriber());
            VoteSteps.fund(client, voters.get(i), FUNDS);
        }
        JsonNode vote = VoteSteps.startVote(client, match.matchId(), 3, COST, SECONDS);
        String voteId = vote.path("voteEventId").asText();
        Instant endsAt = Instant.parse(vote.path("endsAt").asText());

        // voters keep voting (A twice as often as B) until the end, through the kill and the restart
        AtomicBoolean open = new AtomicBoolean(true);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<Thread> voting = new ArrayList<>();
        for (int i = 0; i < voters.size(); i++) {
            String voter = voters.get(i);
            String side = i == 2 ? match.participantBId() : match.participantAId();
            Thread thread = new Thread(() -> {
                while (open.get() && Instant.now().isBefore(endsAt)) {
                    try {
                        int status = VoteSteps.cast(client, client.edge, voter, voteId, side, 1).statusCode();
                        (status == 200 ? accepted : failed).incrementAndGet();
                    } catch (Exception cutOff) {
                        failed.incrementAndGet();
                    }
                    try {
                        Thread.sleep(250); // within the per-viewer rate limit
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "voter-" + i);
            thread.start();
            voting.add(thread);
        }
        Thread.sleep(2_000);
        int acceptedBeforeKill = accepted.get();
        stack.killCommand(0);
        Instant killedAt = Instant.now();
        stack.restartCommand(0);
        Instant restartedAt = Instant.now();
        System.out.printf("Killed %s s into the vote after %d accepted casts; back after %d ms (the vote ends %s)%n",
                Duration.between(endsAt.minusSeconds(SECONDS), killedAt).toSeconds(), acceptedBeforeKill,
                Duration.between(killedAt, restartedAt).toMillis(), endsAt);
        for (Thread thread : voting) {
            thread.join(Duration.between(Instant.now(), endsAt).plusSeconds(10).toMillis());
        }
        open.set(false);
        assertThat(acceptedBeforeKill).isPositive();

        try (Connection db = VoteSteps.eventStore(stack)) {
            Instant deadline = endsAt.plusSeconds(60);
            while (VoteSteps.events(db, "VoteEndedEvent", voteId) == 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            // V3: on time: within a few seconds of the end, or of command-service's return when it came back later
            JsonNode ended = VoteSteps.onlyEvent(db, "VoteEndedEvent", voteId);
            Instant closedAt = Instant.parse(ended.path("@timeStamp").asText());
            Instant due = restartedAt.isAfter(endsAt) ? restartedAt : endsAt;
            System.out.printf("Closed %d ms after its end time (%d casts accepted, %d refused or cut off)%n",
                    Duration.between(endsAt, closedAt).toMillis(), accepted.get(), failed.get());
            assertThat(closedAt).isAfterOrEqualTo(endsAt).isBefore(due.plusSeconds(5));
            // V5: awarded once, to the side with more votes
            assertThat(VoteSteps.events(db, "VoteBonusAwardedEvent", voteId)).isOne();
            JsonNode award = VoteSteps.onlyEvent(db, "VoteBonusAwardedEvent", voteId);
            assertThat(award.path("tournamentId").asText()).isEqualTo(match.tournamentId());
            assertThat(award.path("participantId").asText()).isEqualTo(ended.path("winnerParticipantId").asText());
            assertThat(award.path("points").asInt()).isEqualTo(3);

            // no point created or lost: every vote counted was paid for, every debit bought a counted vote
            long counted = ended.path("votesA").asLong() + ended.path("votesB").asLong();
            // a cast the kill cut off (at most one in flight per voter) either committed, debit and vote, or left nothing
            assertThat(counted).isBetween((long) accepted.get(), (long) accepted.get() + voters.size());
            Ledger ledger = Ledger.read(db);
            assertThat(ledger.voteSpend(voteId)).isEqualTo(counted * COST);
            assertThat(ledger.votesCast(voteId)).isEqualTo(counted);
            for (String voter : voters) {
                assertThat(ledger.balance(voter)).as(voter).isEqualTo(FUNDS - ledger.debited(voter));
            }
            assertThat(ledger.sumOfBalances()).isEqualTo(ledger.credited() - ledger.debited());
        }
    }

    /** Every wallet transaction and cast in the event store (W3: each carries its signed amount and the new balance). */
    record Ledger(Map<String, Long> balances, Map<String, Long> debitedBy, long credited,
                  Map<String, Long> spentOnVote, Map<String, Long> votesOnVote) {
        static Ledger read(Connection db) throws Exception {
            Map<String, Long> balances = new HashMap<>();
            Map<String, Long> debitedBy = new HashMap<>();
            Map<String, Long> spent = new HashMap<>();
            Map<String, Long> votes = new HashMap<>();
            long credited = 0;
            try (var rows = db.createStatement().executeQuery("SELECT payload_type, convert_from(payload, 'UTF8')"
                    + " FROM eventstore.domain_event_entry WHERE payload_type LIKE '%.PointsCreditedEvent'"
                    + " OR payload_type LIKE '%.PointsDebitedEvent' OR payload_type LIKE '%.PointsWrittenOffEvent'"
                    + " OR payload_type LIKE '%.VotesCastEvent' ORDER BY global_index")) {
                while (rows.next()) {
                    String type = rows.getString(1);
                    JsonNode event = JSON.readTree(rows.getString(2));
                    String user = event.path("userId").asText();
                    if (type.endsWith(".VotesCastEvent")) {
                        votes.merge(event.path("voteEventId").asText(), event.path("votes").asLong(), Long::sum);
                        continue;
                    }
                    assertThat(type).as("nothing written off here").doesNotEndWith(".PointsWrittenOffEvent");
                    long amount = event.path("amount").asLong();
                    balances.put(user, event.path("balance").asLong());
                    if (type.endsWith(".PointsCreditedEvent")) {
                        credited += amount;
                    } else {
                        debitedBy.merge(user, -amount, Long::sum);
                        if (event.path("type").asText().equals("VOTE_SPEND")) {
                            spent.merge(event.path("relatedEntityId").asText(), -amount, Long::sum);
                        }
                    }
                }
            }
            return new Ledger(balances, debitedBy, credited, spent, votes);
        }

        long balance(String user) {
            return balances.getOrDefault(user, 0L);
        }

        long debited(String user) {
            return debitedBy.getOrDefault(user, 0L);
        }

        long debited() {
            return debitedBy.values().stream().mapToLong(Long::longValue).sum();
        }

        long sumOfBalances() {
            return balances.values().stream().mapToLong(Long::longValue).sum();
        }

        long voteSpend(String voteId) {
            return spentOnVote.getOrDefault(voteId, 0L);
        }

        long votesCast(String voteId) {
            return votesOnVote.getOrDefault(voteId, 0L);
        }
    }
}
