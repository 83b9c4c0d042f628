package com.streamflix.league.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D5, tested statistically: over many seeds, the shapes of the drawn opponent sets occur as often
 * as exact counting says they must when every D1-valid set is equally likely.
 *
 * <p>Within a pot, "who hosts whom" is a permutation of 9 with every cycle of length 3 or more;
 * its cycle type (9, 6+3, 5+4 or 3+3+3) is what a uniform draw fixes the odds of. Between pots P
 * and Q, following "P member hosts a Q member, who hosts a P member" is a permutation of P with no
 * fixed point (a derangement), whose cycle type is uniform over derangements exactly when the
 * pair of pairings is uniform. The number of permutations of 9 of cycle type with m_k cycles of
 * length k is 9! / prod(k^m_k * m_k!). Each shape's observed count is compared with its exact
 * expectation by a chi-square test at significance 0.001. The seed is fixed, so the test is
 * deterministic; a correct engine fails it with probability about 0.001 per seed choice, a biased
 * one (e.g. a greedy draw, or redraws that favour some shapes) fails it reliably.
 */
class DrawFairnessTest {

    private static final int DRAWS = 4_000;
    private static final long MASTER_SEED = 20_240_829L;
    private static final double SIGNIFICANCE = 0.001;
    private static final List<List<String>> POTS = TestPots.NUMBERED;

    private static final Map<String, Integer> withinPotShapes = new HashMap<>();
    private static final Map<String, Integer> crossPotShapes = new HashMap<>();
    private static final int[] whomFirstSeedHostsInPot1 = new int[9];
    private static final int[] whomFirstSeedHostsInPot2 = new int[9];

    @BeforeAll
    static void drawManyTimes() {
        SplittableRandom seeds = new SplittableRandom(MASTER_SEED);
        for (int i = 0; i < DRAWS; i++) {
            int[] hosts = hostsPerPot(LeagueDraw.draw(POTS, seeds.nextLong()).fixtures());
            for (int pot = 0; pot < 4; pot++) {
                int[] permutation = new int[9];
                for (int place = 0; place < 9; place++) {
                    permutation[place] = hosts[slot(pot, place) * 4 + pot] % 9;
                }
                withinPotShapes.merge(cycleType(permutation), 1, Integer::sum);
            }
            for (int p = 0; p < 4; p++) {
                for (int q = p + 1; q < 4; q++) {
                    int[] roundTrip = new int[9];
                    for (int place = 0; place < 9; place++) {
                        int hostedInQ = hosts[slot(p, place) * 4 + q];
                        roundTrip[place] = hosts[hostedInQ * 4 + p] % 9;
                    }
                    crossPotShapes.merge(cycleType(roundTrip), 1, Integer::sum);
                }
            }
            whomFirstSeedHostsInPot1[hosts[slot(0, 0) * 4] % 9]++;
            whomFirstSeedHostsInPot2[hosts[slot(0, 0) * 4 + 1] % 9]++;
        }
    }

    @Test
    void withinPotCycleStructuresOccurAtTheirExactUniformFrequencies_D5() {
        Map<String, Long> exact = permutationsOfNineByCycleType(3);
        assertThat(exact).containsOnlyKeys("9", "6+3", "5+4", "3+3+3");
        assertThat(exact.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(80_864);

        assertFitsChiSquare(withinPotShapes, exact, DRAWS * 4);
    }

    @Test
    void crossPotPairingStructuresOccurAtTheirExactUniformFrequencies_D5() {
        Map<String, Long> exact = permutationsOfNineByCycleType(2);
        assertThat(exact.values().stream().mapToLong(Long::longValue).sum())
                .as("derangements of 9").isEqualTo(133_496);

        assertFitsChiSquare(crossPotShapes, exact, DRAWS * 6);
    }

    @Test
    void aParticipantsOpponentsAreEquallyLikelyToBeAnyoneAllowed_D5() {
        assertThat(whomFirstSeedHostsInPot1[0]).as("nobody hosts themself").isZero();
        Map<String, Integer> inOwnPot = new LinkedHashMap<>();
        Map<String, Long> uniformInOwnPot = new LinkedHashMap<>();
        for (int place = 1; place < 9; place++) {
            inOwnPot.put("p0" + (place + 1), whomFirstSeedHostsInPot1[place]);
            uniformInOwnPot.put("p0" + (place + 1), 1L);
        }
        assertFitsChiSquare(inOwnPot, uniformInOwnPot, DRAWS);

        Map<String, Integer> inPot2 = new LinkedHashMap<>();
        Map<String, Long> uniformInPot2 = new LinkedHashMap<>();
        for (int place = 0; place < 9; place++) {
            inPot2.put("p1" + (place + 1), whomFirstSeedHostsInPot2[place]);
            uniformInPot2.put("p1" + (place + 1), 1L);
        }
        assertFitsChiSquare(inPot2, uniformInPot2, DRAWS);
    }

    @Test
    void chiSquareCriticalValuesMatchPublishedTables() {
        assertThat(chiSquareCriticalValue(3, 0.001)).isCloseTo(16.266, within(0.001));
        assertThat(chiSquareCriticalValue(7, 0.001)).isCloseTo(24.322, within(0.001));
        assertThat(chiSquareCriticalValue(8, 0.001)).isCloseTo(26.124, within(0.001));
        assertThat(chiSquareCriticalValue(1, 0.05)).isCloseTo(3.841, within(0.001));
    }

    private static void assertFitsChiSquare(Map<String, Integer> observed, Map<String, Long> weights, int samples) {
        assertThat(weights.keySet()).containsAll(observed.keySet());
        double total = weights.values().stream().mapToLong(Long::longValue).sum();
        double statistic = 0;
        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, Long> shape : weights.entrySet()) {
            double expected = samples * shape.getValue() / total;
            int seen = observed.getOrDefault(shape.getKey(), 0);
            statistic += (seen - expected) * (seen - expected) / expected;
            table.append(String.format("%n  %-8s observed %6d expected %9.1f", shape.getKey(), seen, expected));
        }
        double critical = chiSquareCriticalValue(weights.size() - 1, SIGNIFICANCE);
        assertThat(statistic)
                .as("chi-square %.2f vs critical %.2f (df %d, p %s):%s",
                        statistic, critical, weights.size() - 1, SIGNIFICANCE, table)
                .isLessThan(critical);
    }

    /** Cycle type to the number of permutations of 9 of that type, for cycles of length >= minCycle. */
    static Map<String, Long> permutationsOfNineByCycleType(int minCycle) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (List<Integer> partition : partitions(9, 9, minCycle)) {
            long denominator = 1;
            Map<Integer, Integer> multiplicity = new HashMap<>();
            for (int length : partition) {
                multiplicity.merge(length, 1, Integer::sum);
            }
            for (Map.Entry<Integer, Integer> entry : multiplicity.entrySet()) {
                denominator *= pow(entry.getKey(), entry.getValue()) * factorial(entry.getValue());
            }
            counts.put(name(partition), factorial(9) / denominator);
        }
        return counts;
    }

    /** Partitions of n into parts between minPart and maxPart, largest first. */
    private static List<List<Integer>> partitions(int n, int maxPart, int minPart) {
        List<List<Integer>> result = new ArrayList<>();
        if (n == 0) {
            result.add(new ArrayList<>());
            return result;
        }
        for (int part = Math.min(n, maxPart); part >= minPart; part--) {
            for (List<Integer> rest : partitions(n - part, part, minPart)) {
                List<Integer> partition = new ArrayList<>();
                partition.add(part);
                partition.addAll(rest);
                result.add(partition);
            }
        }
        return result;
    }

    private static String cycleType(int[] permutation) {
        boolean[] seen = new boolean[permutation.length];
        List<Integer> lengths = new ArrayList<>();
        for (int start = 0; start < permutation.length; start++) {
            int length = 0;
            for (int i = start; !seen[i]; i = permutation[i]) {
                seen[i] = true;
                length++;
            }
            if (length > 0) {
                lengths.add(length);
            }
        }
        lengths.sort((a, b) -> b - a);
        return name(lengths);
    }

    private static String name(List<Integer> cycleLengths) {
        return String.join("+", cycleLengths.stream().map(String::valueOf).toList());
    }

    /** hosts[slot * 4 + pot]: the slot of whom {@code slot} hosts from {@code pot}. */
    private static int[] hostsPerPot(List<Fixture> fixtures) {
        int[] hosts = new int[36 * 4];
        for (Fixture fixture : fixtures) {
            int host = slotOf(fixture.home());
            int guest = slotOf(fixture.away());
            hosts[host * 4 + guest / 9] = guest;
        }
        return hosts;
    }

    private static int slotOf(String id) {
        return slot(id.charAt(1) - '0', id.charAt(2) - '1');
    }

    private static int slot(int pot, int place) {
        return pot * 9 + place;
    }

    private static long factorial(int n) {
        long result = 1;
        for (int i = 2; i <= n; i++) {
            result *= i;
        }
        return result;
    }

    private static long pow(int base, int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= base;
        }
        return result;
    }

    /** The x with P(chi-square(df) > x) = alpha, by bisection on the regularized gamma function. */
    static double chiSquareCriticalValue(int degreesOfFreedom, double alpha) {
        double low = 0;
        double high = 1_000;
        for (int i = 0; i < 200; i++) {
            double middle = (low + high) / 2;
            if (regularizedLowerGamma(degreesOfFreedom / 2.0, middle / 2) < 1 - alpha) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return (low + high) / 2;
    }

    /** P(a, x), by its series below a + 1 and its continued fraction above (Numerical Recipes 6.2). */
    private static double regularizedLowerGamma(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double logPrefix = a * Math.log(x) - x - logGamma(a);
        if (x < a + 1) {
            double term = 1 / a;
            double sum = term;
            for (int n = 1; n < 1_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-15) {
                    break;
                }
            }
            return sum * Math.exp(logPrefix);
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double fraction = d;
        for (int n = 1; n < 1_000; n++) {
            double an = -n * (n - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            fraction *= delta;
            if (Math.abs(delta - 1) < 1e-15) {
                break;
            }
        }
        return 1 - Math.exp(logPrefix) * fraction;
    }

    /** Lanczos approximation (g = 7, n = 9), accurate to about 15 digits for x > 0. */
    private static double logGamma(double x) {
        double[] coefficients = {
                0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
                -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
                1.5056327351493116e-7};
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double shifted = x - 1;
        double sum = coefficients[0];
        for (int i = 1; i < coefficients.length; i++) {
            sum += coefficients[i] / (shifted + i);
        }
        double t = shifted + 7.5;
        return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
    }
}
