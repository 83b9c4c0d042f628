package com.streamflix.league.realtime.match;

import com.streamflix.league.realtime.match.MatchLiveMessages.Vote;
import com.streamflix.league.realtime.match.MatchLiveMessages.VoteTally;
import com.streamflix.league.realtime.match.PredictionUpdatesTest.ManualTimer;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle of {@code VOTE_TALLY} (RULES V4: "at most a few times a second"): casts only mark their vote, the
 * tallies are read from the store once per interval and sent only when they grew, the last tally always goes out, and
 * an instance started in the middle of a vote sends the tallies counted from its start.
 */
class VoteTalliesTest {
    private static final Duration INTERVAL = Duration.ofMillis(250);
    private static final Instant NOW = Instant.parse("2026-03-04T20:10:00Z");
    private static final Instant ENDS_AT = NOW.plusSeconds(60);

    private final Map<String, Vote> store = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final List<VoteTally> sent = new ArrayList<>();
    private final ManualTimer timer = new ManualTimer();
    private final MutableClock clock = new MutableClock(NOW);
    private boolean watched = true;
    private final VoteTallies tallies = tallies(sent);

    /** 1,000 casts give one poll; each poll sends only a grown tally, the last one equal to the final count (V4). */
    @Test
    void aBurstOfCastsIsOnePollAndEveryPollSendsTheNewestTallyOnly_V4() {
        store("v1", 0, 0, 0);
        for (int i = 0; i < 1_000; i++) {
            tallies.cast("v1", "m1");
        }
        assertThat(sent).as("no send per cast").isEmpty();
        assertThat(reads).as("no read per cast").hasValue(0);
        assertThat(timer.tasks).hasSize(1);
        assertThat(timer.delays).containsExactly(INTERVAL);

        store("v1", 400, 350, 120);
        timer.runNext();
        store("v1", 700, 650, 200);
        timer.runNext();
        timer.runNext(); // nothing new counted: nothing sent
        store("v1", 701, 650, 201); // the store caught up with the last casts
        timer.runNext();

        assertThat(sent).extracting(VoteTally::votesA).containsExactly(400L, 700L, 701L);
        assertThat(sent).extracting(VoteTally::votesB).containsExactly(350L, 650L, 650L);
        assertThat(sent).extracting(VoteTally::voters).containsExactly(120, 200, 201);
        assertThat(sent).allSatisfy(tally -> {
            assertThat(tally.matchId()).isEqualTo("m1");
            assertThat(tally.voteEventId()).isEqualTo("v1");
        });
        assertThat(reads).hasValue(4);
        assertThat(tallies.running()).as("polled until the vote ends").isEqualTo(1);
        assertThat(timer.tasks).hasSize(1);
    }

    /** V4: VOTE_ENDED carries the final tallies; the polling stops, and a poll already scheduled sends nothing. */
    @Test
    void theEndStopsThePolling_V4() {
        store("v1", 3, 1, 2);
        tallies.cast("v1", "m1");
        tallies.ended("v1");
        timer.runNext();

        assertThat(sent).isEmpty();
        assertThat(reads).hasValue(0);
        assertThat(timer.tasks).isEmpty();
        assertThat(tallies.running()).isZero();
    }

    /** The store had the end before this instance's events did: its final tallies go, then the polling stops. */
    @Test
    void aVoteTheStoreHasClosedIsPolledNoMore() {
        tallies.cast("v1", "m1");
        store.put("v1", vote("v1", "CLOSED", 5, 2, 4, "p-a"));
        timer.runNext();

        assertThat(sent).extracting(VoteTally::votesA).containsExactly(5L);
        assertThat(timer.tasks).isEmpty();
        assertThat(tallies.running()).isZero();
    }

    /**
     * An instance (re)started in the middle of a vote does not count from zero: its first tally is the one stored,
     * counted from the vote's start by the shared processor; a second instance sends the same numbers.
     */
    @Test
    void anInstanceStartedMidVoteSendsTheTalliesCountedSinceTheStart_V4() {
        store("v1", 5_000, 4_000, 900);
        List<VoteTally> other = new ArrayList<>();
        ManualTimer otherTimer = new ManualTimer();
        VoteTallies otherInstance = new VoteTallies(this::read, match -> true, other::add, INTERVAL, otherTimer,
                clock);

        tallies.cast("v1", "m1"); // the first cast either instance saw
        otherInstance.cast("v1", "m1");
        timer.runNext();
        otherTimer.runNext();

        assertThat(sent).extracting(VoteTally::votesA).containsExactly(5_000L);
        assertThat(sent).extracting(VoteTally::votesB).containsExactly(4_000L);
        assertThat(other).isEqualTo(sent);
    }

    /** Nobody watches the match here: nothing is read; their snapshot will have the tallies when they come. */
    @Test
    void aMatchWithoutViewersHereIsNotRead() {
        store("v1", 1, 0, 1);
        watched = false;
        tallies.cast("v1", "m1");
        timer.runNext();
        assertThat(reads).hasValue(0);
        assertThat(sent).isEmpty();

        watched = true;
        timer.runNext();
        assertThat(sent).extracting(VoteTally::votesA).containsExactly(1L);
    }

    /** A vote whose end the events never bring (a lost processor) is polled until a minute past its end time. */
    @Test
    void thePollingStopsAMinutePastTheEndTime() {
        store("v1", 1, 0, 1);
        tallies.cast("v1", "m1");
        timer.runNext();
        clock.now = ENDS_AT.plus(VoteTallies.GRACE);
        timer.runNext();
        assertThat(tallies.running()).isEqualTo(1);

        clock.now = clock.now.plusMillis(1);
        timer.runNext();
        assertThat(tallies.running()).isZero();
        assertThat(timer.tasks).isEmpty();
    }

    /** A failed read or send does not stop the polling. */
    @Test
    void aFailedReadIsTriedAgain() {
        var failing = new VoteTallies(id -> {
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return Optional.ofNullable(store.get(id));
        }, match -> true, sent::add, INTERVAL, timer, clock);
        store("v1", 2, 2, 3);
        failing.cast("v1", "m1");
        timer.runNext();
        assertThat(sent).isEmpty();

        timer.runNext();
        assertThat(sent).extracting(VoteTally::votesA).containsExactly(2L);
    }

    private VoteTallies tallies(List<VoteTally> into) {
        return new VoteTallies(this::read, match -> watched, into::add, INTERVAL, timer, clock);
    }

    private Optional<Vote> read(String voteEventId) {
        reads.incrementAndGet();
        return Optional.ofNullable(store.get(voteEventId));
    }

    private void store(String voteEventId, long votesA, long votesB, int voters) {
        store.put(voteEventId, vote(voteEventId, "OPEN", votesA, votesB, voters, null));
    }

    private static Vote vote(String voteEventId, String status, long votesA, long votesB, int voters, String winner) {
        return new Vote(voteEventId, status, 2, 10, "p-a", "p-b", NOW.minusSeconds(60), ENDS_AT, votesA, votesB,
                voters, winner);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
