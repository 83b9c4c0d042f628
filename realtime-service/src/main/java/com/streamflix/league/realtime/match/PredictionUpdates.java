package com.streamflix.league.realtime.match;

import com.streamflix.league.realtime.match.MatchLiveMessages.PredictionsUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Throttles a match's {@code PREDICTIONS_UPDATED}: at most one per {@code interval} per match, always the newest
 * pool, and the last one never lost. A placement on a quiet match goes at once and opens a window of
 * {@code interval}; placements within the window only replace the waiting update; when the window ends the waiting
 * update (the newest pool) goes and opens the next window, or, nothing waiting, the match is quiet again. So a burst
 * gives one message at its start and one per interval after, the last with the final pool.
 * <p>
 * The event-processing thread only records or sends (an enqueue, see {@link MatchSockets}); windows end on a
 * scheduler thread. A waiting update has a version older than any later message of its match, and a socket drops
 * anything older than what it has, so before another message of the match goes the waiting update is sent
 * ({@link #flush}) or, when that message carries the pool itself ({@code PREDICTIONS_LOCKED}), dropped
 * ({@link #bookClosed}): the wire order always follows the versions.
 */
public final class PredictionUpdates implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PredictionUpdates.class);

    /** Runs a task once, after a delay, off the caller's thread. */
    @FunctionalInterface
    public interface Timer {
        void schedule(Runnable task, Duration delay);
    }

    private final Consumer<PredictionsUpdated> send;
    private final Duration interval;
    private final Timer timer;
    private final AutoCloseable stop;

    // guarded by this; a match is here while its window is open
    private final Map<String, Window> windows = new HashMap<>();

    /** One match's open window: the update waiting for its end, if any. */
    private static final class Window {
        PredictionsUpdated waiting;
    }

    public PredictionUpdates(Consumer<PredictionsUpdated> send, Duration interval, Timer timer) {
        this(send, interval, timer, () -> {
        });
    }

    private PredictionUpdates(Consumer<PredictionsUpdated> send, Duration interval, Timer timer, AutoCloseable stop) {
        this.send = Objects.requireNonNull(send);
        this.interval = Objects.requireNonNull(interval);
        this.timer = Objects.requireNonNull(timer);
        this.stop = stop;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive: " + interval);
        }
    }

    /** Throttled by a scheduler thread of its own (a daemon), stopped by {@link #close()}. */
    public static PredictionUpdates scheduled(Consumer<PredictionsUpdated> send, Duration interval) {
        var scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "prediction-updates");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return new PredictionUpdates(send, interval, timer(scheduler), scheduler::shutdownNow);
    }

    static Timer timer(ScheduledExecutorService scheduler) {
        return (task, delay) -> {
            try {
                scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException shuttingDown) {
                // the service is stopping; nobody is left to send to
            }
        };
    }

    /** A new pool for the match's viewers: sent now when the match is quiet, else at the end of its window. */
    public synchronized void offer(PredictionsUpdated update) {
        Window window = windows.get(update.matchId());
        if (window == null) {
            open(update.matchId());
            send(update);
        } else if (window.waiting == null || window.waiting.version() < update.version()) {
            window.waiting = update;
        }
    }

    /** Another message of the match is about to go: the waiting update, if any, goes first (the window stays). */
    public synchronized void flush(String matchId) {
        Window window = windows.get(matchId);
        if (window != null && window.waiting != null) {
            PredictionsUpdated waiting = window.waiting;
            window.waiting = null;
            send(waiting);
        }
    }

    /** The book closed (locked or settled): the waiting update, if any, is dropped and the match is quiet. */
    public synchronized void bookClosed(String matchId) {
        windows.remove(matchId);
    }

    /** Matches with an open window, for tests. */
    synchronized int openWindows() {
        return windows.size();
    }

    private void open(String matchId) {
        Window window = new Window();
        windows.put(matchId, window);
        timer.schedule(() -> end(matchId, window), interval);
    }

    private synchronized void end(String matchId, Window window) {
        if (windows.get(matchId) != window) {
            return; // closed meanwhile (and perhaps opened again)
        }
        PredictionsUpdated waiting = window.waiting;
        if (waiting == null) {
            windows.remove(matchId);
            return;
        }
        open(matchId);
        send(waiting);
    }

    /** One socket message more or less must not stop the throttle (nor the event processing). */
    private void send(PredictionsUpdated update) {
        try {
            send.accept(update);
        } catch (RuntimeException failed) {
            log.warn("Could not push the prediction pool of match {} (version {})", update.matchId(),
                    update.version(), failed);
        }
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            log.debug("Stopping the prediction updates' scheduler", e);
        }
    }
}
