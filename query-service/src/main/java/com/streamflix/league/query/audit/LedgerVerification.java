package com.streamflix.league.query.audit;

import com.streamflix.league.api.wallet.TransactionType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/audit/verify}'s work (RULES W3): replays every wallet from the event store and compares each with
 * its projection ({@code users} and {@code transactions}), recomputes every hash chain, and checks the global
 * identity: credited − debited = the sum of the balances, by transaction type.
 * <p>
 * One pass over the store in (wallet, sequence) order through a cursor; wallets are compared with the projection a
 * batch at a time, so memory stays flat whatever the store's size. The projection may lag the store: a wallet is
 * compared at the version its projection has reached (counted as behind, not as a mismatch). The whole pass
 * reads one snapshot of the database, events and projection alike, so a live system's writes meanwhile do not count.
 */
@Component
public class LedgerVerification {
    private static final int WALLETS_PER_BATCH = 500;
    private static final int MAX_LISTED = 1_000;
    private static final int PROGRESS_EVERY = 20_000;

    public record Report(long usersChecked, long eventsReplayed, long durationMs, long eventsPerSecond,
                         long mismatchCount, List<Mismatch> mismatches, long usersBehind,
                         long tamperedEventCount, List<WalletReplay.Problem> tamperedEvents, long unchainedEntries,
                         Totals totals) {
    }

    /** A wallet whose projection differs from its replay, compared at the projection's version. */
    public record Mismatch(String userId, long projectedBalance, Long replayedBalance, long projectedVersion,
                           long replayedVersion, long projectedTransactions, Long replayedTransactions,
                           String reason) {
    }

    /**
     * The global identity. {@code credited − debited} is what the events' amounts add up to; {@code recordedBalances}
     * the sum of each wallet's last recorded balance; {@code projectedBalances} the projection's.
     */
    public record Totals(long credited, long debited, long writtenOff, long replayedBalances, long recordedBalances,
                         long projectedBalances, boolean projectionCaughtUp, boolean identityHolds,
                         Map<TransactionType, TypeTotals> byType) {
    }

    /** One transaction type: what the events credited, debited and wrote off, and what the projection holds. */
    public record TypeTotals(long entries, long credited, long debited, long writtenOff, long projected) {
    }

    private final WalletEvents events;
    private final JdbcTemplate jdbc;

    public LedgerVerification(WalletEvents events, JdbcTemplate jdbc) {
        this.events = events;
        this.jdbc = jdbc;
    }

    public Report run(AuditJobs.Progress progress) {
        return events.inSnapshot(() -> {
            long started = System.nanoTime();
            progress.total(events.count());
            Run run = new Run(progress);
            events.all(WalletReplay.LEDGER, run::accept);
            run.finishWallet();
            run.compareBatch();
            run.orphans();
            Totals totals = run.totals();
            long nanos = Math.max(1, System.nanoTime() - started);
            progress.processed(run.events, "DONE");
            return new Report(run.users, run.events, nanos / 1_000_000, run.events * 1_000_000_000L / nanos,
                    run.mismatchCount, run.mismatches, run.behind, run.problemCount, run.problems, run.unchained,
                    totals);
        });
    }

    /** The state of one verification pass. */
    private final class Run {
        private final AuditJobs.Progress progress;
        private WalletReplay wallet;
        private final List<WalletReplay> batch = new ArrayList<>();
        private long users;
        private long events;
        private long behind;
        private long unchained;
        private long mismatchCount;
        private long problemCount;
        private final List<Mismatch> mismatches = new ArrayList<>();
        private final List<WalletReplay.Problem> problems = new ArrayList<>();
        private long replayedBalances;
        private long recordedBalances;
        private final Map<TransactionType, long[]> byType = new EnumMap<>(TransactionType.class);

        Run(AuditJobs.Progress progress) {
            this.progress = progress;
        }

        void accept(WalletEvents.Stored event) {
            if (wallet == null || !wallet.userId().equals(event.userId())) {
                finishWallet();
                wallet = new WalletReplay(event.userId());
            }
            WalletReplay.Line line = wallet.accept(event);
            if (line != null) {
                long[] sums = byType.computeIfAbsent(line.type(), type -> new long[4]);
                sums[0]++;
                sums[line.amount() >= 0 ? 1 : 2] += Math.abs(line.amount());
                sums[3] += line.writtenOff();
            }
            if (++events % PROGRESS_EVERY == 0) {
                progress.processed(events, "REPLAYING");
            }
        }

        void finishWallet() {
            if (wallet == null) {
                return;
            }
            users++;
            unchained += wallet.unchained();
            replayedBalances += wallet.balance();
            recordedBalances += wallet.recordedBalance();
            for (WalletReplay.Problem problem : wallet.problems()) {
                if (problemCount++ < MAX_LISTED) {
                    problems.add(problem);
                }
            }
            batch.add(wallet);
            wallet = null;
            if (batch.size() >= WALLETS_PER_BATCH) {
                compareBatch();
            }
        }

        /** The batch's projections, read in one statement (one snapshot of users and transactions together). */
        void compareBatch() {
            if (batch.isEmpty()) {
                return;
            }
            Map<String, WalletReplay> replays = new HashMap<>();
            batch.forEach(replay -> replays.put(replay.userId(), replay));
            Map<String, long[]> projected = new HashMap<>();
            jdbc.query("""
                            SELECT u.user_id, u.points_balance, u.wallet_version, t.rows, t.amounts
                            FROM users u
                            CROSS JOIN LATERAL (SELECT count(*) AS rows, coalesce(sum(amount), 0) AS amounts
                                                FROM transactions WHERE user_id = u.user_id
                                                                    AND wallet_version <= u.wallet_version) t
                            WHERE u.user_id = ANY (?)""",
                    rs -> {
                        projected.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5)});
                    }, (Object) replays.keySet().toArray(String[]::new));
            for (WalletReplay replay : batch) {
                compare(replay, projected.getOrDefault(replay.userId(), new long[]{0, -1, 0, 0}));
            }
            batch.clear();
        }

        private void compare(WalletReplay replay, long[] projection) {
            long balance = projection[0];
            long version = projection[1];
            long rows = projection[2];
            long amounts = projection[3];
            WalletReplay.State expected = replay.at(version);
            if (expected == null) {
                mismatch(new Mismatch(replay.userId(), balance, null, version, replay.lastTransactionVersion(), rows,
                        null, "the projection's version " + version + " is not a credit or debit of the stored stream"));
                return;
            }
            if (version < replay.lastTransactionVersion()) {
                behind++;
            }
            if (balance != expected.balance() || rows != expected.transactions() || amounts != expected.balance()) {
                mismatch(new Mismatch(replay.userId(), balance, expected.balance(), version,
                        replay.lastTransactionVersion(), rows, (long) expected.transactions(),
                        balance != expected.balance() ? "projected balance differs from the replayed one"
                                : "projected transactions differ from the replayed ones"));
            }
        }

        /** Projected balances with no wallet in the store at all. */
        void orphans() {
            jdbc.query("""
                            SELECT u.user_id, u.points_balance, u.wallet_version FROM users u
                            WHERE (u.points_balance <> 0 OR u.wallet_version >= 0)
                              AND NOT EXISTS (SELECT 1 FROM eventstore.domain_event_entry e
                                              WHERE e.aggregate_identifier = u.user_id AND e.type = ?)""",
                    rs -> {
                        mismatch(new Mismatch(rs.getString(1), rs.getLong(2), 0L, rs.getLong(3), -1, 0, 0L,
                                "a projected wallet with no events in the store"));
                    }, WalletEvents.AGGREGATE_TYPE);
        }

        private void mismatch(Mismatch mismatch) {
            if (mismatchCount++ < MAX_LISTED) {
                mismatches.add(mismatch);
            }
        }

        Totals totals() {
            Long projectedBalances = jdbc.queryForObject("SELECT coalesce(sum(points_balance), 0) FROM users",
                    Long.class);
            Map<TransactionType, Long> projectedByType = new EnumMap<>(TransactionType.class);
            jdbc.query("SELECT type, coalesce(sum(amount), 0) FROM transactions GROUP BY type",
                    rs -> {
                        projectedByType.put(TransactionType.valueOf(rs.getString(1)), rs.getLong(2));
                    });
            Map<TransactionType, TypeTotals> types = new EnumMap<>(TransactionType.class);
            long credited = 0;
            long debited = 0;
            long writtenOff = 0;
            for (TransactionType type : TransactionType.values()) {
                long[] sums = byType.getOrDefault(type, new long[4]);
                long projectedSum = projectedByType.getOrDefault(type, 0L);
                if (sums[0] > 0 || projectedSum != 0) {
                    types.put(type, new TypeTotals(sums[0], sums[1], sums[2], sums[3], projectedSum));
                }
                credited += sums[1];
                debited += sums[2];
                writtenOff += sums[3];
            }
            long projected = projectedBalances == null ? 0 : projectedBalances;
            boolean caughtUp = behind == 0;
            boolean holds = credited - debited == replayedBalances && recordedBalances == replayedBalances
                    && (!caughtUp || projected == replayedBalances);
            return new Totals(credited, debited, writtenOff, replayedBalances, recordedBalances, projected, caughtUp,
                    holds, types);
        }
    }
}
