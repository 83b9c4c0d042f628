package com.streamflix.league.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How fast the draw is, and how often it needs its safety nets (not a test: timings belong to a
 * machine, so nothing here asserts). Run from the repository root:
 *
 * <pre>./mvnw -q -pl shared-api test-compile exec:java</pre>
 *
 * (shared-api's pom points exec:java here, on the test classpath.) Warms up, then draws 10,000
 * seeds, each with its own random seeding of 36 ids into pots, and prints median, p99 and max
 * milliseconds per draw, plus how many draws restarted the calendar search, redrew the opponents
 * or used the last resort.
 */
public final class LeagueDrawBenchmark {

    private static final int WARM_UP = 3_000;
    private static final int MEASURED = 10_000;

    private LeagueDrawBenchmark() {
    }

    public static void main(String[] args) {
        SplittableRandom random = new SplittableRandom(args.length > 0 ? Long.parseLong(args[0]) : 1L);
        for (int i = 0; i < WARM_UP; i++) {
            LeagueDraw.draw(shuffledPots(random), random.nextLong());
        }
        long[] nanos = new long[MEASURED];
        long[] steps = new long[MEASURED];
        int restarted = 0;
        int redrawn = 0;
        int lastResort = 0;
        int mostAttempts = 0;
        for (int i = 0; i < MEASURED; i++) {
            List<List<String>> pots = shuffledPots(random);
            long seed = random.nextLong();
            long start = System.nanoTime();
            LeagueDraw.Run run = LeagueDraw.run(pots, seed, LeagueDraw.Limits.DEFAULT);
            nanos[i] = System.nanoTime() - start;
            steps[i] = run.searchSteps();
            restarted += run.scheduleAttempts() > 1 ? 1 : 0;
            redrawn += run.graphDraws() > 1 ? 1 : 0;
            lastResort += run.lastResort() ? 1 : 0;
            mostAttempts = Math.max(mostAttempts, run.scheduleAttempts());
        }
        Arrays.sort(nanos);
        Arrays.sort(steps);
        System.out.printf("league draw, %,d seeds after %,d warm-up draws (%s, %d cores)%n",
                MEASURED, WARM_UP, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("ms per draw:   median %.3f   p99 %.3f   max %.3f%n",
                percentile(nanos, 0.50) / 1e6, percentile(nanos, 0.99) / 1e6, nanos[MEASURED - 1] / 1e6);
        System.out.printf("search steps:  median %d   p99 %d   max %d%n",
                percentile(steps, 0.50), percentile(steps, 0.99), steps[MEASURED - 1]);
        System.out.printf("calendar search restarted: %d draws (at most %d attempts in one draw)%n",
                restarted, mostAttempts);
        System.out.printf("opponents redrawn: %d draws; last resort used: %d draws%n", redrawn, lastResort);
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[(int) Math.ceil(fraction * sorted.length) - 1];
    }

    private static List<List<String>> shuffledPots(SplittableRandom random) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= Pots.PARTICIPANTS; i++) {
            ids.add("player-" + i);
        }
        for (int i = ids.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            ids.set(i, ids.set(j, ids.get(i)));
        }
        return List.of(ids.subList(0, 9), ids.subList(9, 18), ids.subList(18, 27), ids.subList(27, 36));
    }
}
