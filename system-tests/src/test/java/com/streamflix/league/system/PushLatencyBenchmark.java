package com.streamflix.league.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Webhook → POINTS_UPDATE latency across the three JVMs (README.md, "Benchmarks"). Starts the stack on a fresh
 * database, holds one socket for each of 20 viewers, then sends signed redemption webhooks one after another
 * (paced, like a live channel) and times each from just before the POST to the push arriving on the socket.
 * Run: ./mvnw -q -DskipTests install && ./mvnw -q -pl system-tests exec:java -Dexec.mainClass=com.streamflix.league.system.PushLatencyBenchmark
 * Options (system properties): -Dwebhooks=300 -Dwarmup=50 -DpaceMillis=20
 */
public final class PushLatencyBenchmark {

    public static void main(String[] args) throws Exception {
        int webhooks = Integer.getInteger("webhooks", 300);
        int warmup = Integer.getInteger("warmup", 50);
        long pace = Long.getLong("paceMillis", 20);
        try (LocalStack stack = StackFixture.startFresh("push-latency-benchmark")) {
            StackClient client = new StackClient(stack);
            List<String> users = new ArrayList<>();
            List<StackClient.Socket> sockets = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String user = "4200" + i;
                users.add(user);
                var socket = client.connect(client.sessionCookie(user, "bench_" + i), StackFixture.ALLOWED_ORIGIN);
                socket.next(Duration.ofSeconds(10)); // the balance on connect
                sockets.add(socket);
            }
            double[] pushMillis = new double[webhooks];
            double[] webhookMillis = new double[webhooks];
            for (int i = -warmup; i < webhooks; i++) {
                int slot = Math.floorMod(i, users.size());
                long sent = System.nanoTime();
                var response = client.redeem(users.get(slot), UUID.randomUUID().toString(), 10);
                long answered = System.nanoTime();
                if (response.statusCode() != 204) {
                    throw new IllegalStateException("webhook answered " + response.statusCode() + ": " + response.body());
                }
                long pushed = sockets.get(slot).next(Duration.ofSeconds(10)).nanoTime();
                if (i >= 0) {
                    pushMillis[i] = (pushed - sent) / 1e6;
                    webhookMillis[i] = (answered - sent) / 1e6;
                }
                Thread.sleep(pace);
            }
            sockets.forEach(StackClient.Socket::close);
            System.out.printf("%nwebhook → POINTS_UPDATE over %d webhooks (after %d warm-up), 3 service JVMs + PostgreSQL (%s)%n",
                    webhooks, warmup, com.streamflix.league.testsupport.TestDatabase.origin());
            report("webhook answered (204)", webhookMillis);
            report("push received", pushMillis);
        } finally {
            // The fake Twitch's Jetty threads are not daemons: left running, exec:java would wait for them forever
            StackFixture.TWITCH.server.stop();
        }
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-24s p50 %6.1f ms   p90 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n", what,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
