package com.streamflix.league.realtime.match;

import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.vote.VoteEndedEvent;
import com.streamflix.league.api.vote.VoteStartedEvent;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.realtime.match.MatchLiveMessages.Vote;
import com.streamflix.league.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored votes (issue 10: a viewer who connects mid-vote gets the running tallies, and an instance started
 * mid-vote does not count from zero): counted cast by cast with the voters, a redelivered cast changing nothing,
 * closed with the final tallies and the winner, and shown in the match's snapshot.
 */
class VoteSnapshotsTest {
    private static final Instant KICK_OFF = Instant.parse("2026-03-04T20:00:00Z");
    private static final Instant STARTED_AT = Instant.parse("2026-03-04T20:10:00Z");
    private static final Instant ENDS_AT = STARTED_AT.plusSeconds(120);

    private static TestDatabase.Db db;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migratedDatabase() {
        db = TestDatabase.fresh();
        Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .schemas("realtime").defaultSchema("realtime").locations("classpath:db/migration")
                .load().migrate();
        jdbc = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
                db.url() + "?currentSchema=realtime", db.username(), db.password()));
    }

    private final VoteSnapshots votes = new VoteSnapshots(jdbc);
    private final MatchSnapshots matches = new MatchSnapshots(jdbc, PredictionsProperties.ON);

    @Test
    void theRunningTalliesCountEveryCastAndEveryVoterOnce_V2_V4() {
        String vote = newId();
        votes.on(started(vote, "m1"));
        assertThat(votes.find(vote)).contains(running(vote, 0, 0, 0));

        votes.on(cast("u1", vote, "p-a", 3), 4); // the debit is sequence 3
        votes.on(cast("u2", vote, "p-b", 1), 0);
        votes.on(cast("u1", vote, "p-b", 2), 6);
        assertThat(votes.find(vote)).contains(running(vote, 3, 3, 2));

        votes.on(cast("u1", vote, "p-a", 3), 4); // redelivered: counted once
        votes.on(cast("u1", vote, "p-b", 2), 6);
        assertThat(votes.find(vote)).contains(running(vote, 3, 3, 2));
        votes.on(started(vote, "m1")); // redelivered: nothing counted is lost
        assertThat(votes.find(vote)).contains(running(vote, 3, 3, 2));
    }

    /** V5: the close's tallies are final; strictly more votes wins, a tie has no winner. */
    @Test
    void theEndRecordsTheFinalTalliesAndTheWinnerOrATie_V5() {
        String won = newId();
        votes.on(started(won, "m1"));
        votes.on(cast("u1", won, "p-b", 2), 1);
        votes.on(new VoteEndedEvent(won, "m1", "t1", "p-a", "p-b", 0, 2, 1, "p-b", 2));
        assertThat(votes.find(won)).contains(new Vote(won, "CLOSED", 2, 10, "p-a", "p-b", STARTED_AT, ENDS_AT, 0, 2,
                1, "p-b"));
        assertThat(votes.find(won).orElseThrow().tie()).isFalse();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM vote_voter WHERE vote_event_id = ?", Integer.class, won))
                .as("who voted is forgotten once the vote closed").isZero();

        votes.on(cast("u1", won, "p-a", 5), 3); // a cast after the close (redelivered in a retried batch)
        votes.on(new VoteEndedEvent(won, "m1", "t1", "p-a", "p-b", 9, 9, 9, null, 2)); // a redelivered end
        assertThat(votes.find(won).orElseThrow().votesB()).isEqualTo(2);
        assertThat(votes.find(won).orElseThrow().votesA()).isZero();

        String tie = newId();
        votes.on(started(tie, "m1"));
        votes.on(new VoteEndedEvent(tie, "m1", "t1", "p-a", "p-b", 0, 0, 0, null, 2));
        Vote tied = votes.find(tie).orElseThrow();
        assertThat(tied.winnerParticipantId()).isNull();
        assertThat(tied.tie()).isTrue();
    }

    /** The match's snapshot carries its latest vote: none, then the running one, then the last one ended. */
    @Test
    void theMatchSnapshotCarriesItsLatestVote() {
        String match = "m-" + newId();
        matches.on(new MatchScheduledEvent(match, "t1", MatchPhase.LEAGUE, 1, "p-a", "u-a", "p-b", "u-b", KICK_OFF),
                0);
        matches.on(new MatchStartedEvent(match, "t1", MatchPhase.LEAGUE, "p-a", "p-b"), 1);
        assertThat(matches.current(match).orElseThrow().vote()).isNull();

        String first = newId();
        votes.on(started(first, match));
        votes.on(cast("u1", first, "p-a", 4), 1);
        assertThat(matches.current(match).orElseThrow().vote()).isEqualTo(running(first, 4, 0, 1));
        assertThat(matches.current(match).orElseThrow().version()).as("the vote is not the match's stream")
                .isEqualTo(2);

        votes.on(new VoteEndedEvent(first, "m1", "t1", "p-a", "p-b", 4, 0, 1, "p-a", 2));
        assertThat(matches.current(match).orElseThrow().vote().status()).isEqualTo("CLOSED");

        String second = newId();
        votes.on(new VoteStartedEvent(second, match, "t1", "p-a", "p-b", 1, 5, STARTED_AT.plusSeconds(300),
                ENDS_AT.plusSeconds(300)));
        assertThat(matches.current(match).orElseThrow().vote().voteEventId()).isEqualTo(second);
        assertThat(matches.current(match).orElseThrow().vote().status()).isEqualTo("OPEN");
    }

    /**
     * Issue 10's burst: thousands of casts a second. Each is one statement; this measures them as the processor runs
     * them (batches of 100 in one transaction), for the record rather than as a limit a busy machine might miss.
     */
    @Test
    void aBurstOfCastsIsOneCheapStatementEach() throws SQLException {
        String vote = newId();
        votes.on(started(vote, "m1"));
        int casts = 3_000;
        long start = System.nanoTime();
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            connection.setAutoCommit(false);
            VoteSnapshots batch = new VoteSnapshots(new JdbcTemplate(new SingleConnectionDataSource(connection,
                    true)));
            for (int i = 0; i < casts; i++) {
                batch.on(cast("u" + (i % 1_000), vote, i % 3 == 0 ? "p-b" : "p-a", 1), i);
                if (i % 100 == 99) {
                    connection.commit();
                }
            }
            connection.commit();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%d casts stored in %d ms (%.0f a second)%n", casts, millis, casts * 1000.0 / millis);
        assertThat(votes.find(vote)).contains(running(vote, 2_000, 1_000, 1_000));
    }

    private static VoteStartedEvent started(String voteEventId, String matchId) {
        return new VoteStartedEvent(voteEventId, matchId, "t1", "p-a", "p-b", 2, 10, STARTED_AT, ENDS_AT);
    }

    private static VotesCastEvent cast(String userId, String voteEventId, String participantId, int votes) {
        return new VotesCastEvent(userId, "c-" + UUID.randomUUID(), voteEventId, "m1", participantId, votes, 10);
    }

    private static Vote running(String voteEventId, long votesA, long votesB, int voters) {
        return new Vote(voteEventId, "OPEN", 2, 10, "p-a", "p-b", STARTED_AT, ENDS_AT, votesA, votesB, voters, null);
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
