package com.streamflix.league.query.audit;

import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.api.wallet.UserBannedEvent;
import com.streamflix.league.api.wallet.UserLoginChangedEvent;
import com.streamflix.league.api.wallet.UserUnbannedEvent;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.api.wallet.WalletTransaction;
import com.streamflix.league.query.leaderboard.LeaderboardProjection;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Rebuilds the ledger's projection ({@code transactions} and the wallet columns of {@code users}: balance, version,
 * ban, login, and the leaderboard's prediction sum; see WalletLedgerProjection and LeaderboardProjection, the
 * processing group's two projections) from the event store, while the live tables keep serving:
 * <ol>
 * <li>every wallet is replayed into fresh tables ({@code transactions_rebuild}, {@code users_rebuild}) with COPY,
 * then the keys are built;</li>
 * <li>a catch-up pass adds what was appended meanwhile (an index-range read of what is new);</li>
 * <li>the switch, in one short transaction: writers to the live tables wait (a lock with a timeout, retried), the
 * last events are added, the wallet columns of {@code users} are set from the rebuilt ones, and the rebuilt
 * {@code transactions} replaces the live one; reads wait only for the final renames.</li>
 * </ol>
 * The live processor waits during the switch, then goes on from its token into the new tables; its writes are
 * idempotent (rows by event id, balances guarded by the wallet version), so events it sees again change nothing.
 * Rows mean what the live projection's mean: the balance is the one the events record (a verification is what
 * compares it with the amounts).
 */
@Component
public class WalletLedgerRebuild {
    private static final Logger log = LoggerFactory.getLogger(WalletLedgerRebuild.class);
    private static final Set<Class<?>> PAYLOADS = Set.of(WalletOpenedEvent.class, UserLoginChangedEvent.class,
            UserBannedEvent.class, UserUnbannedEvent.class, PointsCreditedEvent.class, PointsDebitedEvent.class);
    private static final int PROGRESS_EVERY = 20_000;
    private static final int COPY_CHUNK_CHARS = 4 << 20;
    private static final int SWITCH_ATTEMPTS = 5;
    private static final String TRANSACTION_COLUMNS = "id, user_id, wallet_version, type, amount, balance_after, "
            + "description, related_entity_id, idempotency_key, created_at";
    private static final String USER_COLUMNS = "user_id, login, points_balance, wallet_version, is_banned, "
            + "prediction_net, prediction_version, replayed_version, created_at";

    public record Report(long eventsReplayed, long wallets, long transactions, long eventsCaughtUp, long durationMs,
                         long eventsPerSecond, long switchMs) {
    }

    private final WalletEvents events;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transaction;

    public WalletLedgerRebuild(WalletEvents events, JdbcTemplate jdbc, DataSource dataSource,
                               PlatformTransactionManager transactions) {
        this.events = events;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transaction = new TransactionTemplate(transactions);
    }

    public Report run(AuditJobs.Progress progress) throws Exception {
        long started = System.nanoTime();
        progress.total(events.count());
        jdbc.execute("DROP TABLE IF EXISTS transactions_rebuild, users_rebuild");
        // checks and NOT NULLs now; the keys after the load, which is faster than keeping them up row by row
        jdbc.execute("CREATE TABLE transactions_rebuild (LIKE transactions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)");
        jdbc.execute("""
                CREATE TABLE users_rebuild (
                    user_id            VARCHAR(64) PRIMARY KEY,
                    login              VARCHAR(64),  -- null: the wallet never named one
                    points_balance     BIGINT      NOT NULL,
                    wallet_version     BIGINT      NOT NULL,
                    is_banned          BOOLEAN     NOT NULL,
                    prediction_net     BIGINT      NOT NULL,
                    prediction_version BIGINT      NOT NULL,
                    replayed_version   BIGINT      NOT NULL, -- the last event replayed, of any kind
                    created_at         TIMESTAMPTZ NOT NULL)""");
        WalletEvents.Position position = new WalletEvents.Position();
        BulkLoad load = new BulkLoad(progress);
        try (Connection connection = dataSource.getConnection()) {
            load.connection = connection;
            events.all(PAYLOADS, position, load::accept);
            load.finish();
        }
        progress.processed(load.events, "INDEXING");
        jdbc.execute("""
                ALTER TABLE transactions_rebuild ADD CONSTRAINT transactions_rebuild_pkey PRIMARY KEY (id),
                    ADD CONSTRAINT transactions_rebuild_version UNIQUE (user_id, wallet_version)""");
        jdbc.execute("ANALYZE transactions_rebuild");
        jdbc.execute("ANALYZE users_rebuild");
        progress.processed(load.events, "CATCHING_UP");
        long caughtUp = catchUp(position);
        progress.processed(load.events + caughtUp, "SWITCHING");
        long switchStarted = System.nanoTime();
        caughtUp += switchOver(position);
        long switchMs = (System.nanoTime() - switchStarted) / 1_000_000;
        jdbc.execute("ALTER TABLE transactions VALIDATE CONSTRAINT transactions_user_id_fkey");
        long nanos = Math.max(1, System.nanoTime() - started);
        long replayed = load.events + caughtUp;
        progress.processed(replayed, "DONE");
        return new Report(replayed, load.wallets, load.transactions, caughtUp, nanos / 1_000_000,
                replayed * 1_000_000_000L / nanos, switchMs);
    }

    /**
     * The switch, retried when the live tables' lock is not granted in time (a long reader or writer holds them):
     * nobody waits behind the switch for longer than the lock timeout.
     */
    private long switchOver(WalletEvents.Position position) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> {
                    jdbc.execute("SET LOCAL lock_timeout = '3s'");
                    jdbc.execute("LOCK TABLE users, transactions IN EXCLUSIVE MODE"); // writers wait, readers go on
                    long last = catchUp(position);
                    switchTables();
                    return last;
                });
            } catch (PessimisticLockingFailureException busy) {
                if (attempt == SWITCH_ATTEMPTS) {
                    throw busy;
                }
                log.warn("The ledger's tables stayed busy for the switch (attempt {}); retrying", attempt);
                Thread.sleep(1_000L * attempt);
            }
        }
    }

    /**
     * Adds the events appended since {@code position} to the rebuilt tables; returns how many. Read first, then
     * written (the read is a read-only snapshot). A wallet's visible events always form a prefix of its stream (each
     * append follows the one before), and an event already replayed is skipped, so a pass can be repeated.
     */
    private long catchUp(WalletEvents.Position position) {
        List<WalletEvents.Stored> appended = events.since(position, PAYLOADS);
        Map<String, Wallet> wallets = new LinkedHashMap<>();
        List<Object[]> transactions = new ArrayList<>();
        for (WalletEvents.Stored event : appended) {
            Wallet wallet = wallets.computeIfAbsent(event.userId(), user -> load(user, event.timestamp()));
            if (event.sequenceNumber() > wallet.replayedVersion) {
                wallet.apply(event, transactions::add);
            }
        }
        jdbc.batchUpdate("INSERT INTO transactions_rebuild (" + TRANSACTION_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz) ON CONFLICT (id) DO NOTHING", transactions);
        wallets.values().forEach(this::upsert);
        return appended.size();
    }

    private Wallet load(String userId, String firstSeen) {
        return jdbc.query("SELECT " + USER_COLUMNS + " FROM users_rebuild WHERE user_id = ?", (rs, i) -> {
            Wallet wallet = new Wallet(userId, rs.getString("created_at"));
            wallet.login = rs.getString("login");
            wallet.balance = rs.getLong("points_balance");
            wallet.version = rs.getLong("wallet_version");
            wallet.banned = rs.getBoolean("is_banned");
            wallet.predictionNet = rs.getLong("prediction_net");
            wallet.predictionVersion = rs.getLong("prediction_version");
            wallet.replayedVersion = rs.getLong("replayed_version");
            return wallet;
        }, userId).stream().findFirst().orElseGet(() -> new Wallet(userId, firstSeen));
    }

    private void upsert(Wallet wallet) {
        jdbc.update("INSERT INTO users_rebuild (" + USER_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz) "
                        + "ON CONFLICT (user_id) DO UPDATE SET login = excluded.login, "
                        + "points_balance = excluded.points_balance, wallet_version = excluded.wallet_version, "
                        + "is_banned = excluded.is_banned, prediction_net = excluded.prediction_net, "
                        + "prediction_version = excluded.prediction_version, "
                        + "replayed_version = excluded.replayed_version", wallet.row());
    }

    /** Under the lock: users takes the rebuilt wallet columns, the rebuilt transactions replaces the live one. */
    private void switchTables() {
        jdbc.update("""
                UPDATE users u SET twitch_username = coalesce(r.login, u.twitch_username),
                                   points_balance = r.points_balance, wallet_version = r.wallet_version,
                                   is_banned = r.is_banned, prediction_net = r.prediction_net,
                                   prediction_version = r.prediction_version, updated_at = now()
                FROM users_rebuild r
                WHERE r.user_id = u.user_id
                  AND (u.points_balance, u.wallet_version, u.is_banned, u.twitch_username, u.prediction_net,
                       u.prediction_version)
                      IS DISTINCT FROM (r.points_balance, r.wallet_version, r.is_banned,
                                        coalesce(r.login, u.twitch_username), r.prediction_net, r.prediction_version)""");
        jdbc.update("""
                INSERT INTO users (user_id, twitch_username, points_balance, wallet_version, is_banned, prediction_net,
                                   prediction_version, created_at, updated_at)
                SELECT r.user_id, coalesce(r.login, r.user_id), r.points_balance, r.wallet_version, r.is_banned,
                       r.prediction_net, r.prediction_version, r.created_at, now()
                FROM users_rebuild r ON CONFLICT (user_id) DO NOTHING""");
        // wallet columns with no wallet in the store are not backed by any event
        jdbc.update("""
                UPDATE users u SET points_balance = 0, wallet_version = -1, is_banned = FALSE, prediction_net = 0,
                                   prediction_version = -1, updated_at = now()
                WHERE (u.points_balance <> 0 OR u.wallet_version <> -1 OR u.is_banned OR u.prediction_net <> 0
                       OR u.prediction_version <> -1)
                  AND NOT EXISTS (SELECT 1 FROM users_rebuild r WHERE r.user_id = u.user_id)""");
        jdbc.execute("DROP TABLE transactions");
        jdbc.execute("ALTER TABLE transactions_rebuild RENAME TO transactions");
        jdbc.execute("ALTER TABLE transactions RENAME CONSTRAINT transactions_rebuild_pkey TO transactions_pkey");
        jdbc.execute("ALTER TABLE transactions RENAME CONSTRAINT transactions_rebuild_version "
                + "TO uq_transactions_wallet_version");
        // validated after the switch, without holding the lock (every row's user was just written above)
        jdbc.execute("ALTER TABLE transactions ADD CONSTRAINT transactions_user_id_fkey FOREIGN KEY (user_id) "
                + "REFERENCES users (user_id) NOT VALID");
        jdbc.execute("DROP TABLE users_rebuild");
    }

    /** One wallet's projected state, as the processing group's projections build it. */
    private static final class Wallet {
        final String userId;
        final String createdAt;
        String login;
        long balance;
        long version = -1;
        boolean banned;
        long predictionNet;
        long predictionVersion = -1;
        long replayedVersion = -1;

        Wallet(String userId, String createdAt) {
            this.userId = userId;
            this.createdAt = createdAt;
        }

        /** Applies one event; a credit or debit also gives its transactions row. */
        void apply(WalletEvents.Stored event, Consumer<Object[]> transactionRow) {
            replayedVersion = event.sequenceNumber();
            Object payload = event.payload();
            if (payload instanceof WalletOpenedEvent opened && opened.login() != null) {
                login = opened.login();
            } else if (payload instanceof UserLoginChangedEvent changed) {
                login = changed.login();
            } else if (payload instanceof UserBannedEvent) {
                banned = true;
            } else if (payload instanceof UserUnbannedEvent) {
                banned = false;
            } else if (payload instanceof WalletTransaction entry) {
                balance = entry.balance();
                version = event.sequenceNumber();
                if (LeaderboardProjection.PREDICTION_TYPES.contains(entry.type())) {
                    predictionNet += entry.amount();
                    predictionVersion = event.sequenceNumber();
                }
                transactionRow.accept(new Object[]{event.eventId(), userId, event.sequenceNumber(),
                        entry.type().name(), entry.amount(), entry.balance(), entry.reason(),
                        entry.relatedEntityId(), entry.idempotencyKey(), event.timestamp()});
            }
        }

        Object[] row() {
            return new Object[]{userId, login, balance, version, banned, predictionNet, predictionVersion,
                    replayedVersion, createdAt};
        }
    }

    /** The first pass: wallet after wallet into the fresh tables, with COPY in chunks of a few megabytes. */
    private final class BulkLoad {
        private final AuditJobs.Progress progress;
        Connection connection;
        private final StringBuilder transactionRows = new StringBuilder();
        private final StringBuilder userRows = new StringBuilder();
        private Wallet wallet;
        long events;
        long wallets;
        long transactions;

        BulkLoad(AuditJobs.Progress progress) {
            this.progress = progress;
        }

        void accept(WalletEvents.Stored event) {
            if (wallet == null || !wallet.userId.equals(event.userId())) {
                finishWallet();
                wallet = new Wallet(event.userId(), event.timestamp());
            }
            wallet.apply(event, row -> {
                transactions++;
                line(transactionRows, row);
            });
            if (++events % PROGRESS_EVERY == 0) {
                progress.processed(events, "COPYING");
            }
            if (transactionRows.length() > COPY_CHUNK_CHARS) {
                flush();
            }
        }

        void finish() {
            finishWallet();
            flush();
        }

        private void finishWallet() {
            if (wallet != null) {
                wallets++;
                line(userRows, wallet.row());
            }
        }

        private void flush() {
            try {
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                copy.copyIn("COPY transactions_rebuild (" + TRANSACTION_COLUMNS + ") FROM STDIN",
                        new StringReader(transactionRows.toString()));
                copy.copyIn("COPY users_rebuild (" + USER_COLUMNS + ") FROM STDIN",
                        new StringReader(userRows.toString()));
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("COPY into the rebuilt tables failed", e);
            }
            transactionRows.setLength(0);
            userRows.setLength(0);
        }

        /** One row in COPY's text format. */
        private static void line(StringBuilder rows, Object[] values) {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    rows.append('\t');
                }
                Object value = values[i];
                if (value == null) {
                    rows.append("\\N");
                } else if (value instanceof Boolean bool) {
                    rows.append(bool ? 't' : 'f');
                } else {
                    String text = value.toString();
                    for (int c = 0; c < text.length(); c++) {
                        char ch = text.charAt(c);
                        switch (ch) {
                            case '\\' -> rows.append("\\\\");
                            case '\t' -> rows.append("\\t");
                            case '\n' -> rows.append("\\n");
                            case '\r' -> rows.append("\\r");
                            default -> rows.append(ch);
                        }
                    }
                }
            }
            rows.append('\n');
        }
    }
}
