package com.streamflix.league.realtime.match;

import com.streamflix.league.realtime.match.MatchLiveMessages.Vote;
import com.streamflix.league.realtime.match.MatchLiveMessages.VoteMessage;
import com.streamflix.league.realtime.match.MatchLiveMessages.VoteTally;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A running vote's {@code VOTE_TALLY} (RULES V4): at most one per {@code interval} per vote, always the newest tally,
 * and the last one never lost. The tallies are not counted here but read from the stored votes
 * ({@link VoteSnapshots}, shared by the realtime instances): an instance that restarted in the middle of a vote does
 * not start counting from zero, two instances send the same numbers, and a viewer's snapshot and the tallies that
 * follow it are counts of the same casts in the same order, so neither side's count ever goes back.
 * <p>
 * The event-processing thread only notes that a vote has casts ({@link #cast}: a map lookup, however many casts a
 * second). From the first one, a scheduler thread reads the vote every {@code interval} while its match has viewers
 * on this instance, and sends the tally when more votes were counted than it last sent; it polls until the vote ends
 * ({@link #ended}, or the store says so), or a minute past its end time at the latest (a later cast starts it again),
 * so the tally of the last casts goes out however far the store lags behind them. A tally sent after the vote's end
 * is harmless: its version is older than {@code VOTE_ENDED}'s, so a socket drops it.
 */
public final class VoteTallies implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VoteTallies.class);
    /** How long after its end time a vote's casts may still reach the store: far more than its processor lags. */
    static final Duration GRACE = Duration.ofMinutes(1);
    /** RULES V1's longest vote, until its end time is read. */
    static final Duration LONGEST_VOTE = Duration.ofSeconds(600);

    private final Function<String, Optional<Vote>> stored;
    private final Predicate<String> watched;
    private final Consumer<VoteTally> send;
    private final Duration interval;
    private final PredictionUpdates.Timer timer;
    private final Clock clock;
    private final AutoCloseable stop;

    // guarded by this; a vote is here from its first cast seen until it ends
    private final Map<String, Poll> polls = new HashMap<>();

    /** One running vote's polling. */
    private static final class Poll {
        final String matchId;
        Instant until;
        long sent = -1; // the version of the tally last sent

        Poll(String matchId, Instant until) {
            this.matchId = matchId;
            this.until = until;
        }
    }

    /**
     * @param stored  the vote as stored, by id
     * @param watched whether a match has viewers on this instance
     * @param send    sends a tally to the match's viewers
     */
    public VoteTallies(Function<String, Optional<Vote>> stored, Predicate<String> watched, Consumer<VoteTally> send,
                       Duration interval, PredictionUpdates.Timer timer, Clock clock) {
        this(stored, watched, send, interval, timer, clock, () -> {
        });
    }

    private VoteTallies(Function<String, Optional<Vote>> stored, Predicate<String> watched, Consumer<VoteTally> send,
                        Duration interval, PredictionUpdates.Timer timer, Clock clock, AutoCloseable stop) {
        this.stored = Objects.requireNonNull(stored);
        this.watched = Objects.requireNonNull(watched);
        this.send = Objects.requireNonNull(send);
        this.interval = Objects.requireNonNull(interval);
        this.timer = Objects.requireNonNull(timer);
        this.clock = Objects.requireNonNull(clock);
        this.stop = stop;
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive: " + interval);
        }
    }

    /** Polled by a scheduler thread of its own (a daemon), stopped by {@link #close()}. */
    public static VoteTallies scheduled(VoteSnapshots stored, MatchSockets sockets, Duration interval) {
        var scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "vote-tallies");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return new VoteTallies(stored::find, sockets::watched, sockets::pushTally, interval,
                PredictionUpdates.timer(scheduler), Clock.systemUTC(), scheduler::shutdownNow);
    }

    /** A vote was cast: the vote's tallies are polled from now on, if they are not already. */
    public synchronized void cast(String voteEventId, String matchId) {
        if (!polls.containsKey(voteEventId)) {
            Poll poll = new Poll(matchId, clock.instant().plus(LONGEST_VOTE).plus(GRACE));
            polls.put(voteEventId, poll);
            next(voteEventId, poll);
        }
    }

    /** The vote ended: its {@code VOTE_ENDED} carries the final tallies, so polling stops. */
    public synchronized void ended(String voteEventId) {
        polls.remove(voteEventId);
    }

    /** Votes being polled, for tests. */
    synchronized int running() {
        return polls.size();
    }

    private void next(String voteEventId, Poll poll) {
        timer.schedule(() -> poll(voteEventId, poll), interval);
    }

    private void poll(String voteEventId, Poll poll) {
        synchronized (this) {
            if (polls.get(voteEventId) != poll) {
                return; // ended meanwhile
            }
        }
        // read outside the lock: a slow database must not hold up the event-processing thread's casts
        Optional<Vote> vote = watched.test(poll.matchId) ? read(voteEventId) : Optional.empty();
        synchronized (this) {
            if (polls.get(voteEventId) != poll) {
                return;
            }
            if (vote.isPresent()) {
                Vote counted = vote.get();
                long version = VoteMessage.voteVersion(counted.votesA(), counted.votesB(), false);
                if (version > poll.sent) {
                    poll.sent = version;
                    send(new VoteTally(poll.matchId, counted));
                }
                if (counted.endsAt() != null) {
                    poll.until = Instant.parse(counted.endsAt()).plus(GRACE);
                }
            }
            if (vote.map(Vote::closed).orElse(false) || clock.instant().isAfter(poll.until)) {
                // closed: VOTE_ENDED, with the final tallies, follows from the events
                polls.remove(voteEventId);
                return;
            }
            next(voteEventId, poll);
        }
    }

    /** A failed read is tried again at the next poll. */
    private Optional<Vote> read(String voteEventId) {
        try {
            return stored.apply(voteEventId);
        } catch (RuntimeException failed) {
            log.warn("Could not read the tallies of vote {}", voteEventId, failed);
            return Optional.empty();
        }
    }

    /** One socket message more or less must not stop the polling. */
    private void send(VoteTally tally) {
        try {
            send.accept(tally);
        } catch (RuntimeException failed) {
            log.warn("Could not push the tallies of vote {}", tally.voteEventId(), failed);
        }
    }

    @Override
    public void close() {
        try {
            stop.close();
        } catch (Exception e) {
            log.debug("Stopping the vote tallies' scheduler", e);
        }
    }
}
