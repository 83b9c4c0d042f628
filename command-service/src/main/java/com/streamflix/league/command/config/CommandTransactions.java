package com.streamflix.league.command.config;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.jdbc.core.JdbcTemplate;
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

    public <T> T run(Supplier<T> work) {
        return run(null, work);
    }

    /**
     * As {@link #run(Supplier)}, first taking a transaction-scoped advisory lock on {@code lockKey}, so that a burst of
     * requests on one key (one user's registrations) queues instead of failing on append conflicts.
     */
    public <T> T run(String lockKey, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    if (lockKey != null) {
                        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", lockKey);
                    }
                    return work.get();
                });
            } catch (ConcurrencyException | AggregateStreamCreationException conflict) {
                if (attempt == ATTEMPTS) {
                    throw conflict;
                }
            } catch (RuntimeException failure) {
                if (attempt == ATTEMPTS || !deadlockOrSerialization(failure)) {
                    throw failure;
                }
            }
        }
    }
}
