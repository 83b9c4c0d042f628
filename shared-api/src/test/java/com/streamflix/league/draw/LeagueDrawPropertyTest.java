package com.streamflix.league.draw;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/**
 * Every draw, for any seed and any pots, meets D1 and D2 and re-runs identically (D4). The rules
 * are checked here from scratch as well as through {@link FixtureRules}, so that a mistake in the
 * validator cannot hide one in the engine.
 */
class LeagueDrawPropertyTest {

    @Property(tries = 10_000)
    void everyDrawMeetsD1AndD2AndReRunsIdentically_D1_D2_D3_D4(
            @ForAll long seed, @ForAll @From(supplier = TestPots.Shuffled.class) List<List<String>> pots) {
        DrawResult result = LeagueDraw.draw(pots, seed);

        assertThat(result.seed()).isEqualTo(seed);
        assertThat(result.pots()).isEqualTo(pots);
        assertThat(twoOpponentsFromEveryPotOneHomeOneAway_D1(pots, result.fixtures())).isEmpty();
        assertThat(oncePerMatchdayWithAnAllowedHomeAwaySequence_D2(pots, result.fixtures())).isEmpty();
        assertThat(FixtureRules.violations(pots, result.fixtures())).isEmpty();
        assertThat(FixtureRules.sequenceViolations(pots, result.fixtures())).isEmpty();
        assertThat(LeagueDraw.draw(copyOf(pots), seed)).isEqualTo(result);
    }

    /**
     * D1: 144 fixtures between participants, nobody against themself, no pair twice, everyone
     * hosting exactly one and visiting exactly one opponent of every pot (so 8 distinct opponents).
     */
    static List<String> twoOpponentsFromEveryPotOneHomeOneAway_D1(List<List<String>> pots, List<Fixture> fixtures) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> potOf = potOf(pots);
        if (fixtures.size() != 144) {
            problems.add(fixtures.size() + " fixtures");
        }
        Set<Set<String>> pairs = new HashSet<>();
        Map<String, int[]> hosted = new HashMap<>();
        Map<String, int[]> visited = new HashMap<>();
        for (Fixture fixture : fixtures) {
            if (!potOf.containsKey(fixture.home()) || !potOf.containsKey(fixture.away())
                    || fixture.home().equals(fixture.away())) {
                problems.add("not a match between two participants: " + fixture);
                continue;
            }
            if (!pairs.add(Set.of(fixture.home(), fixture.away()))) {
                problems.add("pair twice: " + fixture);
            }
            hosted.computeIfAbsent(fixture.home(), id -> new int[4])[potOf.get(fixture.away())]++;
            visited.computeIfAbsent(fixture.away(), id -> new int[4])[potOf.get(fixture.home())]++;
        }
        int[] onePerPot = {1, 1, 1, 1};
        for (String id : potOf.keySet()) {
            if (!Arrays.equals(hosted.get(id), onePerPot) || !Arrays.equals(visited.get(id), onePerPot)) {
                problems.add(id + " hosts per pot " + Arrays.toString(hosted.get(id))
                        + ", visits per pot " + Arrays.toString(visited.get(id)));
            }
        }
        return problems;
    }

    /**
     * D2: once per matchday 1–8; 4 home, 4 away; never three home or away in a row; one home and
     * one away on matchdays 1–2 and on 7–8.
     */
    static List<String> oncePerMatchdayWithAnAllowedHomeAwaySequence_D2(
            List<List<String>> pots, List<Fixture> fixtures) {
        List<String> problems = new ArrayList<>();
        Map<String, char[]> sequences = new HashMap<>();
        for (String id : potOf(pots).keySet()) {
            sequences.put(id, "--------".toCharArray());
        }
        for (Fixture fixture : fixtures) {
            if (fixture.matchday() < 1 || fixture.matchday() > 8) {
                problems.add("matchday out of range: " + fixture);
                continue;
            }
            mark(sequences.get(fixture.home()), fixture.matchday(), 'H');
            mark(sequences.get(fixture.away()), fixture.matchday(), 'A');
        }
        for (Map.Entry<String, char[]> entry : sequences.entrySet()) {
            String sequence = new String(entry.getValue());
            boolean allowed = sequence.matches("[HA]{8}")
                    && sequence.chars().filter(c -> c == 'H').count() == 4
                    && !sequence.contains("HHH") && !sequence.contains("AAA")
                    && sequence.charAt(0) != sequence.charAt(1)
                    && sequence.charAt(6) != sequence.charAt(7);
            if (!allowed) {
                problems.add(entry.getKey() + " plays " + sequence);
            }
        }
        return problems;
    }

    private static void mark(char[] sequence, int matchday, char venue) {
        sequence[matchday - 1] = sequence[matchday - 1] == '-' ? venue : 'X';
    }

    private static Map<String, Integer> potOf(List<List<String>> pots) {
        Map<String, Integer> potOf = new HashMap<>();
        for (int pot = 0; pot < pots.size(); pot++) {
            for (String id : pots.get(pot)) {
                potOf.put(id, pot);
            }
        }
        return potOf;
    }

    private static List<List<String>> copyOf(List<List<String>> pots) {
        List<List<String>> copy = new ArrayList<>();
        for (List<String> pot : pots) {
            copy.add(new ArrayList<>(pot));
        }
        return copy;
    }
}
