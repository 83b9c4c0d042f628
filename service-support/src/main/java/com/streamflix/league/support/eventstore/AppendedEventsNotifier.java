package com.streamflix.league.support.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.LockSupport;

/**
 * Tells every service's {@link AppendedEventsListener} that events were committed: one {@code NOTIFY} on its own
 * connection after the commit, coalesced (any number of commits while one is being announced make one more). An
 * appending transaction therefore never takes PostgreSQL's notify lock itself, which would hold every other commit
 * behind its own WAL flush. A lost announcement (the process died just after a commit) only delays readers to their
 * next poll.
 */
@Component
public class AppendedEventsNotifier implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AppendedEventsNotifier.class);

    private final DataSourceProperties database;
    private volatile boolean pending;
    private volatile boolean running;
    private volatile Thread thread;

    public AppendedEventsNotifier(DataSourceProperties database) {
        this.database = database;
    }

    /** Events were committed: announce them soon. Cheap; never blocks. */
    public void committed() {
        pending = true;
        Thread announcer = thread;
        if (announcer != null) {
            LockSupport.unpark(announcer);
        }
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::announce, "eventstore-notifier");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread announcer = thread;
        if (announcer != null) {
            announcer.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void announce() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword());
                 Statement statement = connection.createStatement()) {
                while (running) {
                    if (!pending) {
                        LockSupport.parkNanos(this, 1_000_000_000L);
                        continue;
                    }
                    pending = false;
                    statement.execute("NOTIFY " + AppendedEventsListener.CHANNEL);
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Cannot announce appended events ({}); readers poll meanwhile, reconnecting", e.getMessage());
                    LockSupport.parkNanos(this, 1_000_000_000L);
                }
            }
        }
    }
}
