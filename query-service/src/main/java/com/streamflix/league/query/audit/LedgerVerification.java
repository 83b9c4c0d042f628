package com.streamflix.league.query.audit;

import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.query.wallet.WalletLedgerProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/audit/verify}'s work (RULES W3): replays every wallet from the event store and compares each with
 * its projection ({@code users} and {@code transactions}), recomputes every hash chain, and checks the global
 * identity: credited − debited = the sum of the balances, by transaction type.
 * <p>
 * One pass over the store in (wallet, sequence) order through a cursor; wallets are compared with the projection a
 * batch at a time, so memory stays flat whatever the store's size. The whole pass reads one snapshot of the
 * database, events and projection alike. The projection may lag the store: the position of its processor
 * ({@code wallet-ledger}'s token, read in the same snapshot) says which events it has handled. A wallet's rows up to
 * there must all be projected (else a mismatch: rows lost or rolled back); past it the wallet is counted as behind
 * and compared at the version it has reached. A caught-up wallet's rows are compared one by one (a digest of id,
 * type, amount, balance, related entity and description in version order); a lagging one's by count and sum. The whole pass
 * reads one snapshot of the database, events and projection alike, so a live system's writes meanwhile do not count.
 */
@Component
public class LedgerVerification {
    private static final int WALLETS_PER_BATCH = 500;
    /** A batch also ends when its wallets hold this many credits and debits (16 bytes each). */
    private static final int TRANSACTIONS_PER_BATCH = 1_000_000;
    private static final Pattern TOKEN_INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN_GAPS = Pattern.compile("\"gaps\"\\s*:\\s*\\[([^\\]]*)]");
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
     * the sum of each wallet's last recorded balance; {@code projectedBalances} the projection's, and
     * {@code expectedProjectedBalances} what the replay says they must be at the versions the projection has reached
     * (equal to the replayed balances once it has caught up). By type, the projected sums are compared when caught up.
     */
    public record Totals(long credited, long debited, long writtenOff, long replayedBalances, long recordedBalances,
                         long projectedBalances, long expectedProjectedBalances, boolean projectionCaughtUp,
                         boolean identityHolds, Map<TransactionType, TypeTotals> byType) {
    }

    /** A wallet's projection as read for the comparison: its rows up to its version (count, sum, digest) and beyond. */
    private record Projected(long balance, long version, long rows, long amounts, long beyond, String digest) {
        static final Projected NONE = new Projected(0, -1, 0, 0, 0, "d41d8cd98f00b204e9800998ecf8427e"); // md5("")
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
            Run run = new Run(progress, processedUpTo());
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

    /**
     * The highest global index up to which the ledger's processor has handled every event (its token's index, less
     * anything before a gap it still waits for; the lowest over its segments and any replay); -1 when it has none.
     */
    private long processedUpTo() {
        List<String> tokens = jdbc.query("SELECT convert_from(token, 'UTF8') FROM token_entry WHERE processor_name = ?",
                (rs, i) -> rs.getString(1), WalletLedgerProjection.PROCESSING_GROUP);
        long position = Long.MAX_VALUE;
        for (String token : tokens) {
            if (token == null) {
                return -1;
            }
            Matcher index = TOKEN_INDEX.matcher(token);
            boolean any = false;
            while (index.find()) {
                position = Math.min(position, Long.parseLong(index.group(1)));
                any = true;
            }
            Matcher gaps = TOKEN_GAPS.matcher(token);
            while (gaps.find()) {
                for (String gap : gaps.group(1).split(",")) {
                    if (!gap.isBlank()) {
                        position = Math.min(position, Long.parseLong(gap.trim()) - 1);
                    }
                }
            }
            if (!any) {
                return -1;
            }
        }
        return tokens.isEmpty() ? -1 : position;
    }

    /** The state of one verification pass. */
    private final class Run {
        private final AuditJobs.Progress progress;
        private final long processedUpTo;
        private WalletReplay wallet;
        private final List<WalletReplay> batch = new ArrayList<>();
        private long batchTransactions;
        private long expectedProjected;
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

        Run(AuditJobs.Progress progress, long processedUpTo) {
            this.progress = progress;
            this.processedUpTo = processedUpTo;
        }

        void accept(WalletEvents.Stored event) {
            if (wallet == null || !wallet.userId().equals(event.userId())) {
                finishWallet();
                wallet = new WalletReplay(event.userId(), processedUpTo);
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
            batchTransactions += wallet.transactions();
            wallet = null;
            if (batch.size() >= WALLETS_PER_BATCH || batchTransactions >= TRANSACTIONS_PER_BATCH) {
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
            Map<String, Projected> projected = new HashMap<>();
            jdbc.query("""
                            SELECT u.user_id, u.points_balance, u.wallet_version, t.rows, t.amounts, t.beyond, t.digest
                            FROM users u
                            CROSS JOIN LATERAL (
                                SELECT count(*) FILTER (WHERE wallet_version <= u.wallet_version) AS rows,
                                       coalesce(sum(amount) FILTER (WHERE wallet_version <= u.wallet_version), 0)
                                           AS amounts,
                                       count(*) FILTER (WHERE wallet_version > u.wallet_version) AS beyond,
                                       md5(coalesce(string_agg(concat_ws(chr(31), id, type, amount, balance_after,
                                                                         coalesce(related_entity_id, ''), description),
                                                               chr(30) ORDER BY wallet_version)
                                                    FILTER (WHERE wallet_version <= u.wallet_version), '')) AS digest
                                FROM transactions WHERE user_id = u.user_id) t
                            WHERE u.user_id = ANY (?)""",
                    rs -> {
                        projected.put(rs.getString(1), new Projected(rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getString(7)));
                    }, (Object) replays.keySet().toArray(String[]::new));
            for (WalletReplay replay : batch) {
                compare(replay, projected.getOrDefault(replay.userId(), Projected.NONE));
            }
            batch.clear();
            batchTransactions = 0;
        }

        private void compare(WalletReplay replay, Projected projection) {
            WalletReplay.State expected = replay.at(projection.version);
            if (expected == null) {
                mismatch(replay, projection, null, "the projection's version " + projection.version
                        + " is not a credit or debit of the stored stream");
                return;
            }
            expectedProjected += expected.balance();
            String problem = null;
            if (projection.version < replay.requiredVersion()) {
                problem = "the projection lacks entries its processor has already handled (lost or rolled back)";
            } else if (projection.balance != expected.balance()) {
                problem = "projected balance differs from the replayed one";
            } else if (projection.rows != expected.transactions() || projection.amounts != expected.balance()) {
                problem = "projected transactions differ from the replayed ones (count or sum)";
            } else if (projection.beyond > 0) {
                problem = projection.beyond + " projected transaction(s) beyond the wallet's projected version";
            } else if (projection.version == replay.lastTransactionVersion()
                    && !projection.digest.equals(replay.rowsDigest())) {
                problem = "projected transactions differ from the replayed ones (a row's content)";
            }
            if (problem != null) {
                mismatch(replay, projection, expected, problem);
            } else if (projection.version < replay.lastTransactionVersion()) {
                behind++;
            }
        }

        private void mismatch(WalletReplay replay, Projected projection, WalletReplay.State expected, String reason) {
            mismatch(new Mismatch(replay.userId(), projection.balance, expected == null ? null : expected.balance(),
                    projection.version, replay.lastTransactionVersion(), projection.rows,
                    expected == null ? null : (long) expected.transactions(), reason));
        }

        /** Projected balances or transactions with no wallet in the store at all. */
        void orphans() {
            jdbc.query("""
                            SELECT u.user_id, u.points_balance, u.wallet_version,
                                   (SELECT count(*) FROM transactions t WHERE t.user_id = u.user_id)
                            FROM users u
                            WHERE (u.points_balance <> 0 OR u.wallet_version >= 0
                                   OR EXISTS (SELECT 1 FROM transactions t WHERE t.user_id = u.user_id))
                              AND NOT EXISTS (SELECT 1 FROM eventstore.domain_event_entry e
                                              WHERE e.aggregate_identifier = u.user_id AND e.type = ?)""",
                    rs -> {
                        mismatch(new Mismatch(rs.getString(1), rs.getLong(2), 0L, rs.getLong(3), -1, rs.getLong(4),
                                0L, "a projected wallet with no events in the store"));
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
            boolean typesMatch = !caughtUp || types.values().stream()
                    .allMatch(type -> type.projected() == type.credited() - type.debited());
            boolean holds = credited - debited == replayedBalances && recordedBalances == replayedBalances
                    && projected == expectedProjected && typesMatch;
            return new Totals(credited, debited, writtenOff, replayedBalances, recordedBalances, projected,
                    expectedProjected, caughtUp, holds, types);
        }
    }
}
