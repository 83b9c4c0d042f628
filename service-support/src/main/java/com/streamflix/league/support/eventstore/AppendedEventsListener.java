package com.streamflix.league.support.eventstore;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * LISTENs on {@code eventstore_appended} (announced after every commit that appended events, by the appending service's {@link AppendedEventsNotifier}) over a dedicated
 * connection, and wakes the event store, so events committed by any service reach this one's processors within
 * a database round trip instead of a poll interval. If the connection drops, polling still delivers everything;
 * the listener reconnects.
 */
@Component
public class AppendedEventsListener implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AppendedEventsListener.class);
    static final String CHANNEL = "eventstore_appended";

    private final DataSourceProperties database;
    private final NotifiedEventStore eventStore;
    private volatile boolean running;
    private Thread thread;

    public AppendedEventsListener(DataSourceProperties database, NotifiedEventStore eventStore) {
        this.database = database;
        this.eventStore = eventStore;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::listen, "eventstore-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(database.determineUrl(),
                    database.determineUsername(), database.determinePassword());
                 Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(1_000);
                    if (received != null && received.length > 0) {
                        eventStore.wakeUp();
                    }
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("Event store notifications interrupted ({}); polling continues, reconnecting", e.getMessage());
                    pause();
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
