package com.streamflix.league.system;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A live-vote burst against the running system over HTTP (issue 10; README "Benchmarks"). Starts the stack on a
 * fresh database (by default two command-service and two realtime-service instances behind the edge), drafts a
 * league, funds the voters, opens the viewers' sockets, measures PostgreSQL's own ceiling with pgbench, runs a
 * warm-up vote, then the measured vote: {@code voters} viewers cast single votes as fast as the workers can for
 * {@code seconds}, while {@code watchers} match-channel sockets follow the tallies and signed redemptions arrive at
 * {@code creditsPerSecond}. Before the end it evens the two sides, so the vote ends in a tie and every voter must be
 * refunded exactly once. Then it checks the invariants from the event store and the projections, and prints
 * every figure.
 * <p>
 * Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests exec:java
 * -Dexec.mainClass=com.streamflix.league.system.VoteBurstBenchmark}
 * <br>Options (system properties): -Dvoters=2000 -Dseconds=30 -Dworkers=48 -Dwatchers=5000 -DcreditsPerSecond=200
 * -DwarmupSeconds=20 -DcommandInstances=2 -DrealtimeInstances=2
 */
public final class VoteBurstBenchmark {
    private static final int VOTERS = Integer.getInteger("voters", 2000);
    private static final int SECONDS = Integer.getInteger("seconds", 30);
    private static final int WORKERS = Integer.getInteger("workers", 48);
    private static final int WATCHERS = Integer.getInteger("watchers", 5000);
    private static final int CREDITS_PER_SECOND = Integer.getInteger("creditsPerSecond", 200);
    private static final int WARMUP_SECONDS = Integer.getInteger("warmupSeconds", 20);
    private static final int COMMAND_INSTANCES = Integer.getInteger("commandInstances", 2);
    private static final int REALTIME_INSTANCES = Integer.getInteger("realtimeInstances", 2);
    private static final long FUNDING = 100_000;
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern VOTES_A = Pattern.compile("\"votesA\"\\s*:\\s*(\\d+)");
    private static final Pattern VOTES_B = Pattern.compile("\"votesB\"\\s*:\\s*(\\d+)");

    private VoteBurstBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        try (LocalStack stack = StackFixture.startFresh("vote-burst", COMMAND_INSTANCES, REALTIME_INSTANCES,
                Map.of())) {
            new Run(stack).run();
        } finally {
            // The fake Twitch's Jetty threads are not daemons: left running, exec:java would wait for them forever
            StackFixture.TWITCH.server.stop();
        }
        System.exit(0); // the sockets' and workers' threads would keep exec:java waiting
    }

    private static final class Run {
        final LocalStack stack;
        final StackClient client;
        /** Several clients spread the harness's socket and request work over more selector threads. */
        final List<HttpClient> clients = new ArrayList<>();
        final Map<String, String> cookies = new HashMap<>();
        final List<String> voters = new ArrayList<>();
        final List<String> earners = new ArrayList<>();
        String tournament;
        List<String> liveMatches;

        Run(LocalStack stack) {
            this.stack = stack;
            this.client = new StackClient(stack);
            for (int i = 0; i < 4; i++) {
                clients.add(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
            }
        }

        void run() throws Exception {
            SystemTest.connectBroadcaster(client);
            tournament = SystemTest.leaguePhase(client, "Burst Cup", 42).id();
            JsonNode matchday = client.awaitJson("/api/tournaments/" + tournament + "/matches?matchday=1",
                    m -> m.path("items").size() == 18);
            liveMatches = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                String match = matchday.path("items").get(i).path("id").asText();
                SystemTest.ok(client.admin("POST", "/api/admin/matches/" + match + "/start", null));
                liveMatches.add(match);
            }
            for (int i = 0; i < VOTERS; i++) {
                voters.add("77" + String.format("%06d", i));
            }
            for (int i = 0; i < CREDITS_PER_SECOND; i++) {
                earners.add("88" + String.format("%06d", i));
            }
            for (String user : concat(voters, earners)) {
                cookies.put(user, client.sessionCookie(user, "bench_" + user));
            }
            long fundStart = System.nanoTime();
            parallel(16, voters, user -> {
                var granted = client.send(client.edge, "POST", "/api/admin/users/" + user + "/points",
                        Map.of("X-Admin-Key", stack.settings.secrets().adminKey(), "Idempotency-Key", "fund-" + user),
                        "{\"amount\":" + FUNDING + ",\"reason\":\"benchmark funding\"}");
                require(granted.statusCode() == 200, "funding answered " + granted.statusCode());
            });
            System.out.printf("funded %d voters in %.1f s%n", VOTERS, (System.nanoTime() - fundStart) / 1e9);

            Pgbench pgbench = Pgbench.run(stack.settings.dbUrl());
            System.out.printf("pgbench (8 clients, two event-sized inserts a transaction, fsync on): %.0f tps%n",
                    pgbench.tps());

            List<UserSocket> voterSockets = openUserSockets(voters);
            List<UserSocket> earnerSockets = openUserSockets(earners);
            String match = liveMatches.get(1);
            List<Watcher> watchers = openWatchers(match, WATCHERS);
            System.out.printf("sockets open: %d watchers on the match, %d voters, %d earners%n", watchers.size(),
                    voterSockets.size(), earnerSockets.size());

            if (WARMUP_SECONDS > 0) {
                Burst warmup = burst(liveMatches.get(0), WARMUP_SECONDS, false, null);
                System.out.printf("warm-up: %d casts accepted in %d s (%.0f/s)%n", warmup.accepted.get(),
                        WARMUP_SECONDS, warmup.accepted.get() / (double) WARMUP_SECONDS);
            }
            voterSockets.forEach(UserSocket::reset);
            Credits credits = new Credits(earnerSockets);
            Burst burst = burst(match, SECONDS, true, credits);
            credits.stop();

            // V4, V5: every watcher sees the tie end the vote with the final tallies
            Instant deadline = Instant.now().plusSeconds(30);
            while (watchers.stream().anyMatch(w -> w.endedTotal.get() < 0) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            report(burst, watchers, voterSockets, credits, pgbench);
            Invariants.check(stack.settings.dbUrl(), burst);
        }

        List<UserSocket> openUserSockets(List<String> users) throws Exception {
            List<UserSocket> sockets = new ArrayList<>();
            for (int i = 0; i < users.size(); i++) {
                UserSocket socket = new UserSocket(users.get(i));
                clients.get(i % clients.size()).newWebSocketBuilder()
                        .header("Cookie", cookies.get(users.get(i))).header("Origin", StackFixture.ALLOWED_ORIGIN)
                        .buildAsync(wsUri(i, "/api/user/connect"), socket).get(30, TimeUnit.SECONDS);
                sockets.add(socket);
            }
            return sockets;
        }

        List<Watcher> openWatchers(String match, int count) throws Exception {
            List<Watcher> watchers = new ArrayList<>();
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Watcher watcher = new Watcher();
                watchers.add(watcher);
                opening.add(clients.get(i % clients.size()).newWebSocketBuilder()
                        .header("Origin", StackFixture.ALLOWED_ORIGIN)
                        .buildAsync(wsUri(i, "/api/matches/" + match + "/live"), watcher));
                if (opening.size() == 200) { // a few hundred handshakes at a time
                    CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                    opening.clear();
                }
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            return watchers;
        }

        /**
         * Votes go through the edge, which keeps each voter on one command-service instance; {@code -Dvia=direct}
         * routes them the same way without the edge (to tell the edge's cost from the services').
         */
        URI voteBase(String voter) {
            if (!"direct".equals(System.getProperty("via"))) {
                return client.edge;
            }
            String session = cookies.get(voter).substring(cookies.get(voter).indexOf('=') + 1);
            List<URI> instances = stack.commandUris();
            return instances.get(EdgeRoutes.instance(session, instances.size(), () -> 0));
        }

        /**
         * Sockets go straight to the realtime instances, spread evenly: the harness measures the services' fan-out,
         * not the local Java edge's (the deployed edge is nginx).
         */
        URI wsUri(int n, String path) {
            List<URI> instances = stack.realtimeUris();
            URI instance = instances.get(n % instances.size());
            return URI.create("ws://" + instance.getAuthority() + path);
        }

        /** The workers cast one vote per request, each for the next voter in turn, until the burst's time is up. */
        Burst burst(String match, int seconds, boolean measured, Credits credits) throws Exception {
            var started = client.admin("POST", "/api/admin/matches/" + match + "/start-vote",
                    "{\"pointsAward\":3,\"costPerVote\":1,\"durationSeconds\":" + (seconds + 8) + "}");
            require(started.statusCode() == 201, "start-vote answered " + started.statusCode() + " " + started.body());
            JsonNode vote = StackClient.JSON.readTree(started.body());
            Burst burst = new Burst(vote.path("voteEventId").asText(), vote.path("participantAId").asText(),
                    vote.path("participantBId").asText(), Instant.parse(vote.path("endsAt").asText()));
            if (credits != null) {
                credits.start();
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            burst.startNanos = System.nanoTime();
            AtomicInteger next = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            for (int w = 0; w < WORKERS; w++) {
                HttpClient http = clients.get(w % clients.size());
                workers.submit(() -> {
                    while (System.nanoTime() < end) {
                        int n = next.getAndIncrement();
                        String voter = voters.get(n % voters.size());
                        burst.cast(http, voter, n % 2 == 0 ? burst.a : burst.b, true);
                    }
                    return null;
                });
            }
            workers.shutdown();
            while (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                require(System.nanoTime() < end + TimeUnit.SECONDS.toNanos(60), "workers did not finish");
                System.out.printf("  ... %d casts accepted, statuses %s%n", burst.accepted.get(), burst.statuses);
            }
            burst.endNanos = System.nanoTime();
            if (measured) {
                burst.evenOut(clients.get(0), voters);
            }
            return burst;
        }

        final class Burst {
            final String voteEventId;
            final String a;
            final String b;
            final Instant endsAt;
            final AtomicInteger accepted = new AtomicInteger();
            final AtomicLong votesA = new AtomicLong();
            final AtomicLong votesB = new AtomicLong();
            final Map<Integer, AtomicInteger> statuses = new java.util.concurrent.ConcurrentHashMap<>();
            final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
            /** When each accepted cast's answer arrived, in order of arrival: the n-th is when the tally reached n. */
            final ConcurrentLinkedQueue<Long> acceptedAt = new ConcurrentLinkedQueue<>();
            final Map<String, AtomicLong> spentBy = new java.util.concurrent.ConcurrentHashMap<>();
            long startNanos;
            long endNanos;

            Burst(String voteEventId, String a, String b, Instant endsAt) {
                this.voteEventId = voteEventId;
                this.a = a;
                this.b = b;
                this.endsAt = endsAt;
            }

            void cast(HttpClient http, String voter, String side, boolean timed) throws Exception {
                var request = HttpRequest.newBuilder(voteBase(voter).resolve("/api/vote-events/" + voteEventId + "/votes"))
                        .header("Content-Type", "application/json").header("Cookie", cookies.get(voter))
                        .header("Origin", StackFixture.ALLOWED_ORIGIN)
                        .POST(HttpRequest.BodyPublishers.ofString("{\"participantId\":\"" + side + "\",\"votes\":1}"))
                        .build();
                long sent = System.nanoTime();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                if (timed) {
                    latencies.add(answered - sent);
                }
                if (response.statusCode() == 200) {
                    synchronized (acceptedAt) {
                        accepted.incrementAndGet();
                        acceptedAt.add(answered);
                    }
                    (side.equals(a) ? votesA : votesB).incrementAndGet();
                    spentBy.computeIfAbsent(voter, v -> new AtomicLong()).incrementAndGet();
                }
            }

            /** V5's tie: the smaller side gets votes until both are level, so every voter must be refunded. */
            void evenOut(HttpClient http, List<String> voters) throws Exception {
                int n = 0;
                while (votesA.get() != votesB.get() && Instant.now().isBefore(endsAt.minusSeconds(1))) {
                    cast(http, voters.get(n++ % voters.size()), votesA.get() < votesB.get() ? a : b, false);
                }
                require(votesA.get() == votesB.get(), "could not even out the vote before its end");
            }

        }

        /** Signed redemptions for the earners at a steady rate; each one's POINTS_UPDATE is timed on its socket. */
        final class Credits {
            final List<UserSocket> sockets;
            final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            final ExecutorService senders = Executors.newFixedThreadPool(16);
            final ConcurrentLinkedQueue<Long> webhookLatencies = new ConcurrentLinkedQueue<>();
            final AtomicInteger sent = new AtomicInteger();
            final AtomicInteger failed = new AtomicInteger();

            Credits(List<UserSocket> sockets) {
                this.sockets = sockets;
            }

            void start() {
                long periodMicros = 1_000_000L / CREDITS_PER_SECOND;
                pacer.scheduleAtFixedRate(() -> {
                    int n = sent.getAndIncrement();
                    UserSocket socket = sockets.get(n % sockets.size());
                    senders.submit(() -> {
                        long before = System.nanoTime();
                        socket.expect(before);
                        try {
                            var response = client.redeem(client.edge, socket.user, UUID.randomUUID().toString(), 10);
                            if (response.statusCode() != 204) {
                                failed.incrementAndGet();
                            }
                            webhookLatencies.add(System.nanoTime() - before);
                        } catch (Exception e) {
                            failed.incrementAndGet();
                        }
                    });
                }, 0, periodMicros, TimeUnit.MICROSECONDS);
            }

            void stop() throws InterruptedException {
                pacer.shutdownNow();
                senders.shutdown();
                senders.awaitTermination(30, TimeUnit.SECONDS);
                Thread.sleep(2000); // the last pushes
            }
        }

        void report(Burst burst, List<Watcher> watchers, List<UserSocket> voterSockets, Credits credits,
                    Pgbench pgbench) {
            double seconds = (burst.endNanos - burst.startNanos) / 1e9;
            double rate = burst.accepted.get() / seconds;
            System.out.printf("%n=== vote burst: %d voters, %d workers, %d command + %d realtime instances, %s ===%n",
                    VOTERS, WORKERS, COMMAND_INSTANCES, REALTIME_INSTANCES,
                    com.streamflix.league.testsupport.TestDatabase.origin());
            System.out.printf("accepted votes      %d in %.1f s = %.0f votes/s (statuses %s)%n", burst.accepted.get(),
                    seconds, rate, burst.statuses);
            System.out.printf("pgbench ceiling     %.0f tps; votes/s is %.0f%% of it%n", pgbench.tps(),
                    100 * rate / pgbench.tps());
            latency("vote request", burst.latencies);

            // V4: each tally's delay from the moment the tally was reached (the answer to the cast that reached it)
            Long[] reached = burst.acceptedAt.toArray(Long[]::new);
            List<Long> tallyDelays = new ArrayList<>();
            int complete = 0;
            int minTallies = Integer.MAX_VALUE;
            int maxTallies = 0;
            for (Watcher w : watchers) {
                for (long[] tally : w.tallies) {
                    int total = (int) tally[0];
                    if (total > 0 && total <= reached.length) {
                        tallyDelays.add(Math.max(0, tally[1] - reached[total - 1]));
                    }
                }
                minTallies = Math.min(minTallies, w.tallies.size());
                maxTallies = Math.max(maxTallies, w.tallies.size());
                complete += w.endedTotal.get() == burst.votesA.get() + burst.votesB.get() ? 1 : 0;
            }
            System.out.printf("match channel       %d watchers; VOTE_TALLY per watcher %d–%d; VOTE_ENDED with the "
                    + "final tallies at %d of %d%n", watchers.size(), minTallies, maxTallies, complete, watchers.size());
            latency("tally reached → VOTE_TALLY received", tallyDelays);
            long withUpdates = voterSockets.stream().filter(s -> s.updates.get() > 0).count();
            long voted = burst.spentBy.size();
            System.out.printf("POINTS_UPDATE       reached %d of the %d voters who voted in the burst%n", withUpdates,
                    voted);
            System.out.printf("webhooks alongside  %d sent at %d/s, %d failed%n", credits.sent.get(),
                    CREDITS_PER_SECOND, credits.failed.get());
            latency("webhook answered", credits.webhookLatencies);
            List<Long> pushes = new ArrayList<>();
            credits.sockets.forEach(s -> pushes.addAll(s.pushLatencies));
            latency("webhook → POINTS_UPDATE", pushes);
        }
    }

    /** A viewer's /api/user/connect: counts POINTS_UPDATEs and times those that follow a credit it expects. */
    static final class UserSocket implements WebSocket.Listener {
        final String user;
        final AtomicInteger updates = new AtomicInteger();
        final ConcurrentLinkedQueue<Long> expected = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Long> pushLatencies = new ConcurrentLinkedQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private boolean snapshotSeen;

        UserSocket(String user) {
            this.user = user;
        }

        void expect(long sentNanos) {
            expected.add(sentNanos);
        }

        void reset() {
            updates.set(0);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (message.contains("POINTS_UPDATE")) {
                    if (!snapshotSeen) {
                        snapshotSeen = true; // the balance on connect
                    } else {
                        updates.incrementAndGet();
                        Long sent = expected.poll();
                        if (sent != null) {
                            pushLatencies.add(System.nanoTime() - sent);
                        }
                    }
                }
            }
            ws.request(1);
            return null;
        }
    }

    /** A viewer on the match channel: keeps each VOTE_TALLY's total and arrival time, and VOTE_ENDED's total. */
    static final class Watcher implements WebSocket.Listener {
        final List<long[]> tallies = java.util.Collections.synchronizedList(new ArrayList<>());
        final AtomicLong endedTotal = new AtomicLong(-1);
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long at = System.nanoTime();
                String message = partial.toString();
                partial.setLength(0);
                Matcher type = TYPE.matcher(message);
                if (type.find()) {
                    switch (type.group(1)) {
                        case "VOTE_TALLY" -> tallies.add(new long[]{total(message), at});
                        case "VOTE_ENDED" -> endedTotal.set(total(message));
                        default -> {
                        }
                    }
                }
            }
            ws.request(1);
            return null;
        }

        private static long total(String message) {
            Matcher a = VOTES_A.matcher(message);
            Matcher b = VOTES_B.matcher(message);
            return (a.find() ? Long.parseLong(a.group(1)) : 0) + (b.find() ? Long.parseLong(b.group(1)) : 0);
        }
    }

    /** PostgreSQL's ceiling for "one committed vote" on this machine: two event-sized inserts a transaction. */
    record Pgbench(double tps) {
        static Pgbench run(String jdbcUrl) throws Exception {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String database = uri.getPath().substring(1);
            try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS pgbench_votes (aggregate_identifier text, sequence_number bigint,"
                        + " payload bytea, PRIMARY KEY (aggregate_identifier, sequence_number))");
            }
            Path script = Files.createTempFile("vote-burst", ".sql");
            Files.writeString(script, """
                    \\set id random(1, 1000000000)
                    BEGIN;
                    INSERT INTO pgbench_votes VALUES ('u' || :id || '-' || random(), 0, decode(repeat('7b', 420), 'hex'));
                    INSERT INTO pgbench_votes VALUES ('u' || :id || '-' || random(), 1, decode(repeat('7b', 380), 'hex'));
                    COMMIT;
                    """);
            Process process = new ProcessBuilder("pgbench", "-n", "-c", "8", "-j", "2", "-T", "10", "-f",
                    script.toString(), "-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", "postgres",
                    database).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            Matcher tps = Pattern.compile("tps = ([0-9.]+)").matcher(out);
            require(tps.find(), "pgbench printed no tps: " + out);
            try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
                s.execute("DROP TABLE pgbench_votes");
            }
            return new Pgbench(Double.parseDouble(tps.group(1)));
        }
    }

    /** What must hold after the burst, from the event store (the ledger) and the projections. */
    static final class Invariants {
        static void check(String jdbcUrl, Run.Burst burst) throws Exception {
            Thread.sleep(5000); // the tie's refunds, and the projections catching up
            List<String> failures = new ArrayList<>();
            long casts;
            try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
                casts = single(s, "SELECT count(*) FROM eventstore.domain_event_entry WHERE payload_type LIKE "
                        + "'%.VotesCastEvent' AND convert_from(payload, 'UTF8') LIKE '%" + burst.voteEventId + "%'");
                expect(failures, "accepted casts = VotesCastEvents", burst.accepted.get(), casts);
                long spent = -single(s, "SELECT coalesce(sum((convert_from(payload, 'UTF8')::jsonb->>'amount')::bigint), 0)"
                        + " FROM eventstore.domain_event_entry WHERE payload_type LIKE '%.PointsDebitedEvent'"
                        + " AND convert_from(payload, 'UTF8')::jsonb->>'relatedEntityId' = '" + burst.voteEventId + "'");
                expect(failures, "sum of debits = votes × cost", burst.accepted.get(), spent);
                String ended = text(s, "SELECT convert_from(payload, 'UTF8') FROM eventstore.domain_event_entry"
                        + " WHERE aggregate_identifier = '" + burst.voteEventId + "' AND payload_type LIKE '%.VoteEndedEvent'");
                JsonNode end = StackClient.JSON.readTree(ended == null ? "{}" : ended);
                expect(failures, "tally A = accepted for A", burst.votesA.get(), end.path("votesA").asLong(-1));
                expect(failures, "tally B = accepted for B", burst.votesB.get(), end.path("votesB").asLong(-1));
                expect(failures, "VoteEndedEvents", 1, single(s, "SELECT count(*) FROM eventstore.domain_event_entry"
                        + " WHERE aggregate_identifier = '" + burst.voteEventId + "' AND payload_type LIKE '%.VoteEndedEvent'"));
                expect(failures, "negative balances", 0, single(s, "SELECT count(*) FROM eventstore.domain_event_entry"
                        + " WHERE payload_type LIKE '%.Points%Event' AND payload_type NOT LIKE '%WrittenOff%'"
                        + " AND (convert_from(payload, 'UTF8')::jsonb->>'balance')::bigint < 0"));
                // V5: one refund per voter of the tied vote, of exactly what they spent in it
                try (ResultSet rs = s.executeQuery("""
                        SELECT aggregate_identifier, count(*), sum((convert_from(payload, 'UTF8')::jsonb->>'amount')::bigint)
                        FROM eventstore.domain_event_entry WHERE payload_type LIKE '%.PointsCreditedEvent'
                        AND convert_from(payload, 'UTF8')::jsonb->>'relatedEntityId' = '""" + burst.voteEventId + """
                        ' GROUP BY aggregate_identifier""")) {
                    Map<String, long[]> refunds = new HashMap<>();
                    while (rs.next()) {
                        refunds.put(rs.getString(1), new long[]{rs.getLong(2), rs.getLong(3)});
                    }
                    expect(failures, "voters refunded", burst.spentBy.size(), refunds.size());
                    long wrong = burst.spentBy.entrySet().stream().filter(e -> {
                        long[] r = refunds.get(e.getKey());
                        return r == null || r[0] != 1 || r[1] != e.getValue().get();
                    }).count();
                    expect(failures, "voters refunded other than once and in full", 0, wrong);
                }
            }
            // projections equal to a replay of the ledger (they follow it asynchronously: give them a minute)
            Instant caughtUp = Instant.now().plusSeconds(60);
            List<String> projectionFailures;
            do {
                projectionFailures = new ArrayList<>();
                try (Connection c = connect(jdbcUrl); Statement s = c.createStatement()) {
                    // projections equal to a replay of the ledger: every voter's projected balance is its last event's
                    long balanceMismatches = single(s, """
                            SELECT count(*) FROM (
                              SELECT DISTINCT ON (aggregate_identifier) aggregate_identifier AS user_id,
                                     (convert_from(payload, 'UTF8')::jsonb->>'balance')::bigint AS balance
                              FROM eventstore.domain_event_entry
                              WHERE payload_type LIKE '%.Points%Event' AND payload_type NOT LIKE '%WrittenOff%'
                              ORDER BY aggregate_identifier, sequence_number DESC) ledger
                            LEFT JOIN query.users u ON u.user_id = ledger.user_id
                            WHERE u.points_balance IS DISTINCT FROM ledger.balance""");
                    expect(projectionFailures, "projected balances differing from the ledger", 0, balanceMismatches);
                    expect(projectionFailures, "projected tallies = the events' tallies", burst.votesA.get() + burst.votesB.get(),
                            single(s, "SELECT votes_a + votes_b FROM query.vote_events WHERE id = '" + burst.voteEventId + "'"));
                    expect(projectionFailures, "projected casts = VotesCastEvents", casts,
                            single(s, "SELECT count(*) FROM query.user_votes WHERE vote_event_id = '" + burst.voteEventId + "'"));
                }
            } while (!projectionFailures.isEmpty() && Instant.now().isBefore(caughtUp) && pause());
            failures.addAll(projectionFailures);
            if (failures.isEmpty()) {
                System.out.println("invariants          all hold (casts = events = tallies, debits = votes × cost, "
                        + "no negative balance, one full refund per voter, projections = ledger)");
            } else {
                System.out.println("INVARIANT VIOLATIONS:");
                failures.forEach(f -> System.out.println("  " + f));
                System.exit(1);
            }
        }

        private static boolean pause() throws InterruptedException {
            Thread.sleep(1000);
            return true;
        }

        private static void expect(List<String> failures, String what, long expected, long actual) {
            if (expected != actual) {
                failures.add(what + ": expected " + expected + ", found " + actual);
            }
        }

        private static long single(Statement s, String sql) throws Exception {
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }

        private static String text(Statement s, String sql) throws Exception {
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static Connection connect(String jdbcUrl) throws Exception {
        return DriverManager.getConnection(jdbcUrl);
    }

    interface Action {
        void run(String item) throws Exception;
    }

    static void parallel(int threads, List<String> items, Action action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        for (String item : items) {
            done.add(pool.submit(() -> {
                action.run(item);
                return null;
            }));
        }
        for (var future : done) {
            future.get();
        }
        pool.shutdown();
    }

    static void latency(String what, java.util.Collection<Long> nanos) {
        if (nanos.isEmpty()) {
            System.out.printf("  %-38s (none)%n", what);
            return;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("  %-38s n %6d   p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n", what, sorted.length,
                percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    static long percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
