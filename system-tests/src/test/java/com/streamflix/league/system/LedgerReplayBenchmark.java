package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.streamflix.league.api.vote.VotesCastEvent;
import com.streamflix.league.api.wallet.LedgerChain;
import com.streamflix.league.api.wallet.LedgerEntry;
import com.streamflix.league.api.wallet.PointsCreditedEvent;
import com.streamflix.league.api.wallet.PointsDebitedEvent;
import com.streamflix.league.api.wallet.PointsWrittenOffEvent;
import com.streamflix.league.api.wallet.TransactionType;
import com.streamflix.league.api.wallet.WalletOpenedEvent;
import com.streamflix.league.testsupport.TestDatabase;
import org.postgresql.PGConnection;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replay speed of the ledger's audit (issue #12; README "Benchmarks"): for each store size, a fresh database gets a
 * generated event store of that many wallet events (chained, as the wallet writes them, interleaved across wallets as
 * a live store is), then query-service alone (heap capped, {@code -Xmx256m}) runs the wallet ledger's projection
 * rebuild and a full verification through its HTTP API. Prints events per second for both and the service's heap
 * while they ran, so the sizes can be compared: memory must stay flat as the store grows. Any mismatch or tampered
 * event reported on the generated (untouched) store fails the run.
 * <p>
 * Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests exec:java
 * -Dexec.mainClass=com.streamflix.league.system.LedgerReplayBenchmark}
 * <br>Options: -Dsizes=250000,1000000 (events per store) -DeventsPerWallet=100 -DlargeWalletEvents=100000 (one
 * wallet of that many events in each store, whose ledger is then read over HTTP)
 */
public final class LedgerReplayBenchmark {
    private static final List<Integer> SIZES = List.of(System.getProperty("sizes", "250000,1000000").split(","))
            .stream().map(String::trim).map(Integer::parseInt).toList();
    private static final int EVENTS_PER_WALLET = Integer.getInteger("eventsPerWallet", 100);
    /** One wallet this long is part of each store: its ledger is read back whole, as JSON and as CSV. */
    private static final int LARGE_WALLET_EVENTS = Integer.getInteger("largeWalletEvents", 100_000);
    private static final String LARGE_WALLET = "49999999";
    private static final String ADMIN_KEY = LocalStack.randomSecret();
    private static final String AUDIT_KEY = LocalStack.randomSecret();
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.E+]+)",
            Pattern.MULTILINE);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LedgerReplayBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> rows = new ArrayList<>();
        boolean ok = true;
        for (int size : SIZES) {
            Result result = run(size);
            ok &= result.clean;
            rows.add(String.format("%,10d events %,7d wallets | generate %6.1f s | rebuild %6.1f s %,8d ev/s, heap max %4d MB"
                            + " | verify %6.1f s %,8d ev/s, heap max %4d MB | ledger of %,d events: JSON %.1f s %,d KB,"
                            + " CSV %.1f s, heap max %d MB | %s", size, result.wallets,
                    result.generateSeconds, result.rebuildSeconds, result.rebuildRate, result.rebuildHeapMb,
                    result.verifySeconds, result.verifyRate, result.verifyHeapMb, LARGE_WALLET_EVENTS,
                    result.ledger.jsonSeconds, result.ledger.jsonBytes >> 10, result.ledger.csvSeconds,
                    result.ledger.heapMb,
                    result.clean ? "verify: 0 mismatches, 0 tampered, identity holds" : "VERIFY FOUND PROBLEMS"));
        }
        System.out.println();
        System.out.println("Ledger replay (query-service -Xmx256m, " + EVENTS_PER_WALLET + " events per wallet):");
        rows.forEach(System.out::println);
        System.exit(ok ? 0 : 1);
    }

    record Result(int wallets, double generateSeconds, double rebuildSeconds, long rebuildRate, long rebuildHeapMb,
                  double verifySeconds, long verifyRate, long verifyHeapMb, Ledger ledger, boolean clean) {
    }

    record Ledger(double jsonSeconds, long jsonBytes, double csvSeconds, long heapMb, boolean balanced) {
    }

    private static Result run(int size) throws Exception {
        TestDatabase.Db db = TestDatabase.fresh();
        Map<String, String> env = Map.of(
                "SPRING_DATASOURCE_URL", db.url(),
                "SPRING_DATASOURCE_USERNAME", db.username(),
                "SPRING_DATASOURCE_PASSWORD", db.password() == null ? "" : db.password(),
                "STREAMFLIX_JWT_SECRET", LocalStack.randomSecret(),
                "STREAMFLIX_ADMIN_KEY", ADMIN_KEY,
                "STREAMFLIX_AUDIT_KEY", AUDIT_KEY,
                "STREAMFLIX_ALLOWEDORIGINS", "http://localhost");
        List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC");
        Path logs = Path.of("target", "stack-logs", "ledger-replay-" + size).toAbsolutePath();
        Path root = LocalStack.repositoryRoot();
        // a first start creates the schemas and the processors' tokens
        try (ServiceProcess query = ServiceProcess.start(root, "query-service", LocalStack.freePort(), env, jvm,
                logs.resolve("query-service-first.log"))) {
            query.awaitHealthy(LocalStack.STARTUP);
        }
        long generateStarted = System.nanoTime();
        int wallets;
        try (Connection connection = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            wallets = generate(connection, size);
            // the live processors start at the head: this measures the audit's replay, not theirs
            connection.createStatement().execute("ANALYZE eventstore.domain_event_entry");
            var head = connection.createStatement().executeQuery(
                    "SELECT max(global_index) FROM eventstore.domain_event_entry");
            head.next();
            var update = connection.prepareStatement("""
                    UPDATE query.token_entry SET token = convert_to(?, 'UTF8'),
                           token_type = 'org.axonframework.eventhandling.GapAwareTrackingToken'""");
            update.setString(1, "{\"index\":" + head.getLong(1) + ",\"gaps\":[]}");
            update.executeUpdate();
        }
        double generateSeconds = (System.nanoTime() - generateStarted) / 1e9;
        System.out.printf("%,d events in %,d wallets generated in %.1f s%n", size, wallets, generateSeconds);
        try (ServiceProcess query = ServiceProcess.start(root, "query-service", LocalStack.freePort(), env, jvm,
                logs.resolve("query-service.log"))) {
            query.awaitHealthy(LocalStack.STARTUP);
            Job rebuild = job(query.uri(""), "/api/admin/projections/wallet-ledger/rebuild", "X-Admin-Key", ADMIN_KEY);
            System.out.println("rebuild: " + rebuild.result);
            Job verify = job(query.uri(""), "/api/audit/verify", "X-Audit-Key", AUDIT_KEY);
            JsonNode report = verify.result;
            System.out.println("verify: " + report.path("usersChecked") + " users, " + report.path("eventsReplayed")
                    + " events, totals " + report.path("totals"));
            Ledger ledger = largeLedger(query.uri(""));
            boolean clean = ledger.balanced && report.path("mismatchCount").asLong() == 0
                    && report.path("tamperedEventCount").asLong() == 0
                    && report.path("totals").path("identityHolds").asBoolean()
                    && report.path("eventsReplayed").asLong() == size;
            return new Result(wallets, generateSeconds, rebuild.result.path("durationMs").asLong() / 1000.0,
                    rebuild.result.path("eventsPerSecond").asLong(), rebuild.heapMb,
                    report.path("durationMs").asLong() / 1000.0, report.path("eventsPerSecond").asLong(),
                    verify.heapMb, ledger, clean);
        }
    }

    record Job(JsonNode result, long heapMb) {
    }

    /** Starts a job, samples the service's heap every 100 ms until the job is done, returns its result. */
    private static Job job(URI service, String path, String header, String key) throws Exception {
        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(service.resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()).header(header, key).build(), HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException(path + " answered " + started.statusCode() + ": " + started.body());
        }
        URI location = service.resolve(started.headers().firstValue("Location").orElseThrow());
        AtomicLong heapMax = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> heapMax.accumulateAndGet(heap(service), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        try {
            while (true) {
                JsonNode job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(location).header(header, key).build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                String status = job.path("status").asText();
                if (status.equals("SUCCEEDED")) {
                    return new Job(job.path("result"), heapMax.get() >> 20);
                }
                if (!status.equals("RUNNING")) {
                    throw new IllegalStateException(path + " failed: " + job);
                }
                Thread.sleep(250);
            }
        } finally {
            sampler.shutdownNow();
        }
    }

    /** The large wallet's ledger, as JSON then CSV, streamed to nowhere while the service's heap is sampled. */
    private static Ledger largeLedger(URI service) throws Exception {
        AtomicLong heapMax = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> heapMax.accumulateAndGet(heap(service), Math::max), 0, 100,
                TimeUnit.MILLISECONDS);
        try {
            URI path = service.resolve("/api/audit/users/" + LARGE_WALLET + "/ledger");
            long started = System.nanoTime();
            HttpResponse<String> json = HTTP.send(HttpRequest.newBuilder(path).header("X-Audit-Key", AUDIT_KEY).build(),
                    HttpResponse.BodyHandlers.ofString());
            double jsonSeconds = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            HttpResponse<java.util.stream.Stream<String>> csv = HTTP.send(HttpRequest.newBuilder(path)
                    .header("X-Audit-Key", AUDIT_KEY).header("Accept", "text/csv").build(),
                    HttpResponse.BodyHandlers.ofLines());
            long csvLines = csv.body().count();
            double csvSeconds = (System.nanoTime() - started) / 1e9;
            JsonNode ledger = JSON.readTree(json.body());
            boolean balanced = json.statusCode() == 200 && csv.statusCode() == 200
                    && ledger.path("eventsReplayed").asLong() == LARGE_WALLET_EVENTS
                    && ledger.path("problems").isEmpty()
                    && csvLines == ledger.path("entries").size() + 2;
            return new Ledger(jsonSeconds, json.body().length(), csvSeconds, heapMax.get() >> 20, balanced);
        } finally {
            sampler.shutdownNow();
        }
    }

    /** The heap in use, all pools together, from the service's Prometheus endpoint. */
    private static long heap(URI service) {
        try {
            String metrics = HTTP.send(HttpRequest.newBuilder(service.resolve("/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher m = HEAP.matcher(metrics);
            double sum = 0;
            while (m.find()) {
                sum += Double.parseDouble(m.group(1));
            }
            return (long) sum;
        } catch (Exception e) {
            return 0;
        }
    }

    /**
     * Writes {@code size} wallet events with COPY: wallets of {@code EVENTS_PER_WALLET} events (opened, then
     * redemptions, votes with their debit, tie refunds, wagers, payouts and write-offs), round-robin across the
     * wallets so that each wallet's events are spread over the whole store. Returns the number of wallets.
     */
    private static int generate(Connection connection, int size) throws Exception {
        int regular = size - LARGE_WALLET_EVENTS;
        int wallets = Math.max(1, regular / EVENTS_PER_WALLET);
        Wallet[] all = new Wallet[wallets];
        for (int w = 0; w < wallets; w++) {
            all[w] = new Wallet(String.valueOf(50_000_000 + w));
        }
        Copy copy = new Copy(connection);
        for (int written = 0; written < regular; ) {
            for (int w = 0; w < wallets && written < regular; w++, written++) {
                copy.row(all[w]);
            }
        }
        Wallet large = new Wallet(LARGE_WALLET); // its events last, after the others'
        for (int i = 0; i < LARGE_WALLET_EVENTS; i++) {
            copy.row(large);
        }
        copy.flush();
        return wallets + 1;
    }

    /** Event rows in COPY's text format, sent a few megabytes at a time. */
    private static final class Copy {
        private final org.postgresql.copy.CopyManager copy;
        private final StringBuilder rows = new StringBuilder();
        private Instant time = Instant.parse("2026-01-01T00:00:00Z");

        Copy(Connection connection) throws Exception {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        }

        void row(Wallet wallet) throws Exception {
            Object event = wallet.next();
            time = time.plusMillis(3);
            rows.append(wallet.userId).append('\t').append(wallet.sequence++).append("\tUserWallet\t")
                    .append(UUID.randomUUID()).append("\t\\\\x7b7d\t\\\\x")
                    .append(HexFormat.of().formatHex(JSON.writeValueAsBytes(event))).append("\t\\N\t")
                    .append(event.getClass().getName()).append('\t').append(time).append('\n');
            if (rows.length() > (8 << 20)) {
                flush();
            }
        }

        void flush() throws Exception {
            copy.copyIn("COPY eventstore.domain_event_entry (aggregate_identifier, sequence_number, type, "
                    + "event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp) FROM STDIN",
                    new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }

    /** A generated wallet: its next event, chained and with the balance it records, as UserWallet writes them. */
    private static final class Wallet {
        final String userId;
        long sequence;
        long balance;
        String chain;
        int step;

        Wallet(String userId) {
            this.userId = userId;
            this.chain = LedgerChain.start(userId);
        }

        Object next() {
            if (sequence == 0) {
                return new WalletOpenedEvent(userId, "viewer_" + userId);
            }
            return switch (step++ % 7) {
                case 0 -> credit(TransactionType.TWITCH_REWARD_REDEMPTION, 100, "Channel Points: hydrate",
                        "redemption-" + UUID.randomUUID());
                case 1 -> debit(TransactionType.VOTE_SPEND, 30, "3 vote(s) in vote v-" + sequence, "v-" + sequence,
                        "vote-cast:c-" + userId + "-" + sequence);
                case 2 -> new VotesCastEvent(userId, "c-" + userId + "-" + (sequence - 1), "v-" + (sequence - 1),
                        "m-1", "p-a", 3, 10);
                case 3 -> credit(TransactionType.VOTE_REFUND, 30, "Refund: the vote ended in a tie", "v-" + sequence);
                case 4 -> debit(TransactionType.PREDICTION_WAGER, 50, "Prediction on m-1", "pr-" + sequence,
                        "prediction-wager:pr-" + sequence);
                case 5 -> credit(TransactionType.PREDICTION_PAYOUT, 80, "Prediction won", "pr-" + sequence);
                default -> chained(new PointsWrittenOffEvent(userId, TransactionType.PREDICTION_REVERSAL, 10,
                        "result corrected", "pr-" + sequence, "prediction-reversal:pr-" + sequence, null)
                        .chainedTo(chain));
            };
        }

        private LedgerEntry credit(TransactionType type, long amount, String reason, String related) {
            balance += amount;
            return chained(new PointsCreditedEvent(userId, type, amount, balance, reason, related,
                    type.name() + ":" + related + ":" + sequence, null).chainedTo(chain));
        }

        private LedgerEntry debit(TransactionType type, long amount, String reason, String related, String key) {
            balance -= amount;
            return chained(new PointsDebitedEvent(userId, type, -amount, balance, reason, related, key, null)
                    .chainedTo(chain));
        }

        private LedgerEntry chained(LedgerEntry event) {
            chain = event.chainHash();
            return event;
        }
    }
}
