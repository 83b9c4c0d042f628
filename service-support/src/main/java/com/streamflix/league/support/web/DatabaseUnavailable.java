package com.streamflix.league.support.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * A request that failed because no database connection could be had (the pool's wait ran out, the database is down
 * or restarting, the connection was lost) is a 503 with Retry-After, not a 500: nothing was wrong with the request,
 * and a client (Twitch included) should simply try again.
 */
public final class DatabaseUnavailable {
    static final int RETRY_AFTER_SECONDS = 2;

    private DatabaseUnavailable() {
    }

    /** Whether a connection failure is among {@code failure}'s causes, however Spring, Axon or Hikari wrapped it. */
    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception) and 57P01–57P03 (the server shutting down or starting up). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    public static ProblemDetail problem() {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "The database is not reachable right now; try again in "
                        + RETRY_AFTER_SECONDS + " s");
        problem.setProperty("retryAfterSeconds", RETRY_AFTER_SECONDS);
        return problem;
    }
}
