package com.streamflix.league.command.config;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
import com.streamflix.league.support.web.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Runs commands (and any SQL of ours) in one database transaction: the local command bus handles each command on
 * this thread and Axon's unit of work joins the Spring transaction, so everything commits together or nothing does.
 * When another thread or instance appended to the same aggregate first (the event table's unique key), the whole
 * transaction is run again on fresh state. Retrying here, around the transaction, is what keeps it atomic: Axon's
 * gateway retry would re-run one command alone, outside the transaction.
 */
@Component
public class CommandTransactions {
    private static final int ATTEMPTS = 5;
    /**
     * How long a request waits for its user's lock (issue #13): one viewer's requests queue briefly behind each
     * other, and one that would wait longer is answered 429 instead of holding a connection. Deadlines, jobs and
     * locks shared by many users (a match's prediction book, a vote's close) still wait.
     */
    static final String USER_LOCK_WAIT = "250ms";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;

    public CommandTransactions(TransactionTemplate transaction, JdbcTemplate jdbc) {
        this.transaction = transaction;
        this.jdbc = jdbc;
    }

    /**
     * Two transactions that append to the same aggregates in opposite orders (a match and its tournament, say) can
     * deadlock in PostgreSQL; it aborts one, which is then simply run again.
     */
    static boolean deadlockOrSerialization(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState())
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static boolean lockNotAvailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** 429: the user's previous request still holds their lock; nothing of this one happened. */
    static ApiProblem busy() {
        ApiProblem busy = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "busy",
                "Your previous request is still being processed; try again in a moment");
        busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return busy;
    }

    public <T> T run(Supplier<T> work) {
        return run(null, work);
    }

    /**
     * As {@link #run(Supplier)}, first taking a transaction-scoped advisory lock on {@code lockKey}, so that a burst of
     * requests on one key (one user's registrations) queues instead of failing on append conflicts.
     */
    public <T> T run(String lockKey, Supplier<T> work) {
        return run(lockKey, false, work);
    }

    /**
     * As {@link #run(String, Supplier)} for a lock of one user's (their registrations): waited for at most
     * {@link #USER_LOCK_WAIT}, then the request is answered 429 ({@link #busy}).
     */
    public <T> T runForUser(String userLockKey, Supplier<T> work) {
        return run(userLockKey, true, work);
    }

    /**
     * SQL that takes the advisory lock on the key bound to its {@code ?}, waiting at most {@link #USER_LOCK_WAIT}:
     * the timeout is set in the lock's own argument, so it is in force before the lock is asked for, in the same
     * round trip. It holds for the rest of the transaction: a request that would wait on the user's appends is just
     * as busy.
     */
    public static String boundedUserLock() {
        return "pg_advisory_xact_lock(hashtext(?) + 0 * length(set_config('lock_timeout', '" + USER_LOCK_WAIT
                + "', true)))";
    }

    private <T> T run(String lockKey, boolean userLock, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    if (lockKey != null) {
                        jdbc.queryForList("SELECT " + (userLock ? boundedUserLock() : "pg_advisory_xact_lock(hashtext(?))"),
                                lockKey);
                    }
                    return work.get();
                });
            } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            } catch (RuntimeException failure) {
                if (lockNotAvailable(failure)) {
                    throw busy();
                }
                if (attempt == ATTEMPTS || !deadlockOrSerialization(failure)) {
                    throw failure;
                }
            }
        }
    }
}
