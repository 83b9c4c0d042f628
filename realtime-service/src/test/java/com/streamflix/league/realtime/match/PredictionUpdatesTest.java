package com.streamflix.league.realtime.match;

import com.streamflix.league.api.prediction.PredictionPool;
import com.streamflix.league.realtime.match.MatchLiveMessages.PredictionsUpdated;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttle of {@code PREDICTIONS_UPDATED} (issue 11: live odds "throttled like the vote tally"): per match at most
 * one per interval, always the newest pool, the last one never lost, and a placement on a quiet match sent at once.
 */
class PredictionUpdatesTest {
    private static final Duration INTERVAL = Duration.ofMillis(250);

    private final List<PredictionsUpdated> sent = new CopyOnWriteArrayList<>();
    private PredictionUpdates scheduled;

    @AfterEach
    void stopScheduler() {
        if (scheduled != null) {
            scheduled.close();
        }
    }

    /** Real time, the service's scheduler: 100 placements within 50 ms give at most 2 messages, the last the final pool. */
    @Test
    void aBurstOfPlacementsGivesAtMostTwoMessagesTheLastWithTheFinalPool() throws InterruptedException {
        scheduled = PredictionUpdates.scheduled(sent::add, INTERVAL);
        PredictionPool pool = PredictionPool.EMPTY;
        long start = System.nanoTime();
        long offering = 0;
        for (int i = 0; i < 100; i++) {
            pool = pool.with(i % 3 != 0, 10 + i);
            long before = System.nanoTime();
            scheduled.offer(new PredictionsUpdated("m1", i + 2, pool));
            offering = Math.max(offering, System.nanoTime() - before);
            LockSupport.parkNanos(400_000); // 100 × 0.4 ms + the work: within 50 ms
        }
        long burst = System.nanoTime() - start;
        assertThat(Duration.ofNanos(burst)).as("the burst").isLessThan(Duration.ofMillis(INTERVAL.toMillis() - 50));
        assertThat(Duration.ofNanos(offering)).as("the longest offer: it never waits for the interval")
                .isLessThan(Duration.ofMillis(50));
        assertThat(sent).as("the first placement went at once").hasSize(1);
        assertThat(sent.get(0).countA() + sent.get(0).countB()).isEqualTo(1);

        PredictionPool last = pool;
        awaitTrue(() -> sent.size() == 2, Duration.ofSeconds(2));
        Thread.sleep(3 * INTERVAL.toMillis()); // nothing more comes

        assertThat(sent).hasSize(2);
        PredictionsUpdated trailing = sent.get(1);
        assertThat(trailing.version()).isEqualTo(101);
        assertThat(trailing.poolA()).isEqualTo(last.poolA());
        assertThat(trailing.poolB()).isEqualTo(last.poolB());
        assertThat(trailing.countA()).isEqualTo(last.countA());
        assertThat(trailing.countB()).isEqualTo(last.countB());
        assertThat(trailing.countA() + trailing.countB()).isEqualTo(100);
        assertThat(scheduled.openWindows()).as("the match is quiet again").isZero();
    }

    @Test
    void aPlacementAfterAQuietPeriodIsSentPromptly() throws InterruptedException {
        scheduled = PredictionUpdates.scheduled(sent::add, INTERVAL);
        scheduled.offer(update("m1", 2, 100, 0));
        scheduled.offer(update("m1", 3, 100, 50));
        awaitTrue(() -> sent.size() == 2 && scheduled.openWindows() == 0, Duration.ofSeconds(2));

        long before = System.nanoTime();
        scheduled.offer(update("m1", 4, 100, 80));
        assertThat(sent).hasSize(3); // sent by the offer itself, not at the end of a window
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(50));
        assertThat(sent.get(2).version()).isEqualTo(4);
        assertThat(sent.get(2).poolB()).isEqualTo(80);
    }

    /** The same, step by step: one message per window, each the newest pool, until a window passes quietly. */
    @Test
    void everyWindowSendsTheNewestPoolUntilOnePassesQuietly() {
        ManualTimer timer = new ManualTimer();
        PredictionUpdates updates = new PredictionUpdates(sent::add, INTERVAL, timer);

        updates.offer(update("m1", 2, 10, 0));
        assertThat(versions()).containsExactly(2L);
        assertThat(timer.delays).containsExactly(INTERVAL);

        updates.offer(update("m1", 3, 10, 20));
        updates.offer(update("m1", 4, 30, 20));
        updates.offer(update("m1", 3, 10, 20)); // a redelivery does not replace the newer one
        assertThat(versions()).containsExactly(2L);

        timer.runNext(); // the first window ends: the newest pool goes, a second window opens
        assertThat(versions()).containsExactly(2L, 4L);
        assertThat(sent.get(1).poolA()).isEqualTo(30);

        updates.offer(update("m1", 5, 40, 20));
        timer.runNext();
        assertThat(versions()).containsExactly(2L, 4L, 5L);

        timer.runNext(); // a quiet window: nothing is sent and the match is quiet again
        assertThat(versions()).containsExactly(2L, 4L, 5L);
        assertThat(updates.openWindows()).isZero();
        assertThat(timer.tasks).isEmpty();

        updates.offer(update("m1", 6, 50, 20));
        assertThat(versions()).containsExactly(2L, 4L, 5L, 6L);
    }

    @Test
    void eachMatchHasItsOwnWindow() {
        ManualTimer timer = new ManualTimer();
        PredictionUpdates updates = new PredictionUpdates(sent::add, INTERVAL, timer);

        updates.offer(update("m1", 2, 10, 0));
        updates.offer(update("m2", 7, 0, 10));
        updates.offer(update("m1", 3, 20, 0));

        assertThat(sent).extracting(PredictionsUpdated::matchId).containsExactly("m1", "m2");
        timer.runNext();
        timer.runNext();
        assertThat(sent).extracting(PredictionsUpdated::matchId).containsExactly("m1", "m2", "m1");
        assertThat(sent.get(2).version()).isEqualTo(3);
    }

    /** Another message of the match is about to go: the waiting pool goes first, else a socket would drop it. */
    @Test
    void aFlushSendsTheWaitingUpdateAtOnceAndTheWindowGoesOn() {
        ManualTimer timer = new ManualTimer();
        PredictionUpdates updates = new PredictionUpdates(sent::add, INTERVAL, timer);
        updates.offer(update("m1", 2, 10, 0));
        updates.offer(update("m1", 3, 10, 5));

        updates.flush("m1");
        updates.flush("m1");
        updates.flush("m2");
        assertThat(versions()).containsExactly(2L, 3L);

        timer.runNext();
        assertThat(versions()).as("nothing was left waiting").containsExactly(2L, 3L);
    }

    /** A locked or settled book: the waiting update is dropped (the lock carries the pool) and the match is quiet. */
    @Test
    void aClosedBookDropsTheWaitingUpdate() {
        ManualTimer timer = new ManualTimer();
        PredictionUpdates updates = new PredictionUpdates(sent::add, INTERVAL, timer);
        updates.offer(update("m1", 2, 10, 0));
        updates.offer(update("m1", 3, 10, 5));

        updates.bookClosed("m1");
        timer.runNext(); // the closed window's end changes nothing
        assertThat(versions()).containsExactly(2L);
        assertThat(updates.openWindows()).isZero();
    }

    /** A window that was closed and opened again is not ended early by the old window's timer. */
    @Test
    void anOldWindowsEndDoesNotEndANewWindow() {
        ManualTimer timer = new ManualTimer();
        PredictionUpdates updates = new PredictionUpdates(sent::add, INTERVAL, timer);
        updates.offer(update("m1", 2, 10, 0));
        updates.bookClosed("m1");
        updates.offer(update("m1", 4, 10, 5)); // a new window
        updates.offer(update("m1", 5, 10, 9)); // waits for it

        timer.runNext(); // the old window's end
        assertThat(versions()).containsExactly(2L, 4L);
        timer.runNext(); // the new one's
        assertThat(versions()).containsExactly(2L, 4L, 5L);
    }

    @Test
    void aFailingSendDoesNotStopTheThrottle() {
        ManualTimer timer = new ManualTimer();
        List<Long> attempted = new ArrayList<>();
        PredictionUpdates updates = new PredictionUpdates(update -> {
            attempted.add(update.version());
            throw new IllegalStateException("socket trouble");
        }, INTERVAL, timer);

        updates.offer(update("m1", 2, 10, 0));
        updates.offer(update("m1", 3, 10, 5));
        timer.runNext();
        timer.runNext();

        assertThat(attempted).containsExactly(2L, 3L);
        assertThat(updates.openWindows()).isZero();
    }

    private List<Long> versions() {
        return sent.stream().map(PredictionsUpdated::version).toList();
    }

    private static PredictionsUpdated update(String matchId, long version, long poolA, long poolB) {
        return new PredictionsUpdated(matchId, version,
                new PredictionPool(poolA, poolB, poolA > 0 ? 1 : 0, poolB > 0 ? 1 : 0));
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

    /** A timer whose tasks run when the test says so, in the order they were scheduled. */
    static final class ManualTimer implements PredictionUpdates.Timer {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> delays = new ArrayList<>();

        @Override
        public void schedule(Runnable task, Duration delay) {
            tasks.add(task);
            delays.add(delay);
        }

        void runNext() {
            assertThat(tasks).as("a scheduled window end").isNotEmpty();
            tasks.remove(0).run();
        }
    }
}
