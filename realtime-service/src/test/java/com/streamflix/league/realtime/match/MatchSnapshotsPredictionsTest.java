package com.streamflix.league.realtime.match;

import com.streamflix.league.api.match.MatchCompletedEvent;
import com.streamflix.league.api.match.MatchPhase;
import com.streamflix.league.api.match.MatchResult;
import com.streamflix.league.api.match.MatchScheduledEvent;
import com.streamflix.league.api.match.MatchStartedEvent;
import com.streamflix.league.api.prediction.PredictionBookLockedEvent;
import com.streamflix.league.api.prediction.PredictionBookSettledEvent;
import com.streamflix.league.api.prediction.PredictionPlacedEvent;
import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.realtime.match.MatchLiveMessages.MatchSnapshot;
import com.streamflix.league.realtime.match.MatchLiveMessages.Predictions;
import com.streamflix.league.testsupport.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The match snapshot's prediction book as stored (issue 11: "the match snapshot carries the current pool"): moved by
 * the book's events with the match's version, read back with its odds, and hidden by the kill switch.
 */
class MatchSnapshotsPredictionsTest {
    private static final Instant KICK_OFF = Instant.parse("2026-03-04T20:00:00Z");

    private static TestDatabase.Db db;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void migratedDatabase() {
        db = TestDatabase.fresh();
        flyway(db, null).migrate();
        jdbc = new JdbcTemplate(dataSource(db));
    }

    private final MatchSnapshots snapshots = new MatchSnapshots(jdbc, PredictionsProperties.ON);

    @Test
    void theSnapshotCarriesTheBookFromOpenToSettledWithTheMatchsVersion_P1_P2() {
        String match = newMatch();
        snapshots.on(scheduled(match), 0);
        assertThat(book(match)).isEqualTo(new Predictions("OPEN", 0, 0, 0, 0, null, null));
        assertThat(version(match)).isEqualTo(1);

        snapshots.on(placed(match, "p-a", 300, new PredictionPool(300, 0, 1, 0)), 1);
        assertThat(book(match)).isEqualTo(new Predictions("OPEN", 300, 0, 1, 0, 1.0, null));
        snapshots.on(placed(match, "p-b", 100, new PredictionPool(300, 100, 1, 1)), 2);
        snapshots.on(placed(match, "p-a", 100, new PredictionPool(400, 100, 2, 1)), 3);
        assertThat(book(match)).isEqualTo(new Predictions("OPEN", 400, 100, 2, 1, 500.0 / 400, 5.0));
        assertThat(version(match)).isEqualTo(4);

        snapshots.on(placed(match, "p-b", 100, new PredictionPool(300, 100, 1, 1)), 2); // redelivered: no change
        assertThat(book(match)).isEqualTo(new Predictions("OPEN", 400, 100, 2, 1, 500.0 / 400, 5.0));

        snapshots.on(new MatchStartedEvent(match, "t1", MatchPhase.LEAGUE, "p-a", "p-b"), 4);
        assertThat(snapshots.current(match).orElseThrow().status()).isEqualTo("LIVE");
        assertThat(book(match).status()).as("the start locks the book (M1)").isEqualTo("LOCKED");
        snapshots.on(new PredictionBookLockedEvent(match, "t1", new PredictionPool(400, 100, 2, 1)), 5);
        assertThat(book(match)).isEqualTo(new Predictions("LOCKED", 400, 100, 2, 1, 500.0 / 400, 5.0));
        assertThat(version(match)).isEqualTo(6);

        snapshots.on(new MatchCompletedEvent(match, "t1", MatchPhase.LEAGUE, "p-a", "p-b",
                MatchResult.played("p-a", "p-b", 2, 0, null)), 6);
        snapshots.on(new PredictionBookSettledEvent(match, "t1", 1, "PAID", "p-a", 500, 2, List.of(), List.of(),
                null), 7);
        MatchSnapshot settled = snapshots.current(match).orElseThrow();
        assertThat(settled.version()).isEqualTo(8);
        assertThat(settled.status()).isEqualTo("COMPLETED");
        assertThat(settled.predictions()).isEqualTo(new Predictions("SETTLED", 400, 100, 2, 1, 500.0 / 400, 5.0));

        snapshots.on(new PredictionBookSettledEvent(match, "t1", 2, "REFUNDED_DRAW", null, 500, 0, List.of(),
                List.of(), "it was 2-2"), 9);
        assertThat(version(match)).as("a re-settlement (P4) moves the version too").isEqualTo(10);
        assertThat(book(match).status()).isEqualTo("SETTLED");
    }

    @Test
    void aBookCancelledBeforeItsMatchIsSettledWhileTheMatchIsScheduled_P3() {
        String match = newMatch();
        snapshots.on(scheduled(match), 0);
        snapshots.on(placed(match, "p-a", 50, new PredictionPool(50, 0, 1, 0)), 1);
        snapshots.on(new PredictionBookSettledEvent(match, "t1", 1, "REFUNDED_CANCELLED", null, 50, 0, List.of(),
                List.of(), "players changed"), 2);

        MatchSnapshot snapshot = snapshots.current(match).orElseThrow();
        assertThat(snapshot.status()).isEqualTo("SCHEDULED");
        assertThat(snapshot.predictions()).isEqualTo(new Predictions("SETTLED", 50, 0, 1, 0, 1.0, null));
    }

    /** The kill switch: the book is still kept (and moves the version), but no snapshot shows it. */
    @Test
    void switchedOffTheSnapshotHasNoBook() {
        MatchSnapshots off = new MatchSnapshots(jdbc, PredictionsProperties.OFF);
        String match = newMatch();
        off.on(scheduled(match), 0);
        off.on(placed(match, "p-a", 300, new PredictionPool(300, 0, 1, 0)), 1);

        MatchSnapshot snapshot = off.current(match).orElseThrow();
        assertThat(snapshot.predictions()).isNull();
        assertThat(snapshot.version()).isEqualTo(2);
        assertThat(snapshots.current(match).orElseThrow().predictions())
                .as("switched on again, the book is there").isEqualTo(new Predictions("OPEN", 300, 0, 1, 0, 1.0,
                        null));
    }

    /** Matches stored before the book was: open if not started, else locked; both empty. */
    @Test
    void theMigrationGivesStoredMatchesABook() {
        TestDatabase.Db older = TestDatabase.fresh();
        flyway(older, "2").migrate();
        JdbcTemplate before = new JdbcTemplate(dataSource(older));
        before.update("INSERT INTO match_snapshot (match_id, version, status) VALUES ('m-s', 1, 'SCHEDULED')");
        before.update("""
                INSERT INTO match_snapshot (match_id, version, status, score_a, score_b)
                VALUES ('m-l', 2, 'LIVE', 0, 0)""");
        before.update("""
                INSERT INTO match_snapshot (match_id, version, status, score_a, score_b, winner_participant_id)
                VALUES ('m-c', 3, 'COMPLETED', 1, 0, 'p-a')""");

        flyway(older, null).migrate();

        MatchSnapshots after = new MatchSnapshots(before, PredictionsProperties.ON);
        assertThat(after.current("m-s").orElseThrow().predictions())
                .isEqualTo(new Predictions("OPEN", 0, 0, 0, 0, null, null));
        assertThat(after.current("m-l").orElseThrow().predictions().status()).isEqualTo("LOCKED");
        assertThat(after.current("m-c").orElseThrow().predictions().status()).isEqualTo("LOCKED");
        assertThat(after.current("m-c").orElseThrow().version()).isEqualTo(3);
    }

    private Predictions book(String match) {
        return snapshots.current(match).orElseThrow().predictions();
    }

    private long version(String match) {
        return snapshots.current(match).orElseThrow().version();
    }

    private static String newMatch() {
        return "m-" + UUID.randomUUID();
    }

    private static MatchScheduledEvent scheduled(String match) {
        return new MatchScheduledEvent(match, "t1", MatchPhase.LEAGUE, 1, "p-a", "u-a", "p-b", "u-b", KICK_OFF);
    }

    private static PredictionPlacedEvent placed(String match, String side, long wager, PredictionPool pool) {
        int order = pool.countA() + pool.countB() - 1;
        return new PredictionPlacedEvent(match, "t1", "x-" + UUID.randomUUID(), "u-" + order, side, wager, order,
                pool);
    }

    /** realtime-service's own migrations, as the service runs them (schema "realtime"), up to {@code target}. */
    private static Flyway flyway(TestDatabase.Db db, String target) {
        var configuration = Flyway.configure().dataSource(db.url(), db.username(), db.password())
                .schemas("realtime").defaultSchema("realtime").locations("classpath:db/migration");
        if (target != null) {
            configuration.target(MigrationVersion.fromVersion(target));
        }
        return configuration.load();
    }

    private static SimpleDriverDataSource dataSource(TestDatabase.Db db) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), db.url() + "?currentSchema=realtime",
                db.username(), db.password());
    }
}
