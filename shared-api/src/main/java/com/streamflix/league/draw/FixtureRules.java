package com.streamflix.league.draw;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a fixture list against the league-phase rules, naming every violation. The engine's
 * tests use both checks; an imported draw (one held elsewhere, e.g. live on stream) must pass
 * {@link #violations} only, since D2's home/away sequence rules are what our engine guarantees,
 * not conditions on an import.
 */
public final class FixtureRules {

    public static final int MATCHDAYS = 8;
    public static final int FIXTURES = OpponentGraph.MATCHES;

    private FixtureRules() {
    }

    /**
     * D1 and "everyone plays once per matchday" (D2): 144 fixtures on matchdays 1 to 8 between
     * participants of the pots, nobody playing themself, no pair twice, and everyone hosting one
     * and visiting one opponent from every pot, own pot included.
     *
     * @return one human-readable line per violation; empty when the fixtures are valid
     * @throws IllegalArgumentException if the pots themselves are not 4 × 9 distinct ids
     */
    public static List<String> violations(List<List<String>> pots, List<Fixture> fixtures) {
        List<List<String>> validPots = Pots.requireValid(pots);
        String[] ids = Pots.slotIds(validPots);
        Map<String, Integer> slots = Pots.slotsById(validPots);
        List<String> violations = new ArrayList<>();
        if (fixtures == null) {
            violations.add("D1: fixtures are missing, expected " + FIXTURES);
            return violations;
        }
        if (fixtures.size() != FIXTURES) {
            violations.add("D1: expected " + FIXTURES + " fixtures, got " + fixtures.size());
        }
        int players = Pots.PARTICIPANTS;
        int[][] meetings = new int[players][players];
        int[][] hostedFromPot = new int[players][Pots.COUNT];
        int[][] visitedFromPot = new int[players][Pots.COUNT];
        int[][] matchesOnDay = new int[players][MATCHDAYS];
        for (int index = 0; index < fixtures.size(); index++) {
            Fixture fixture = fixtures.get(index);
            String where = "fixture " + (index + 1);
            if (fixture == null) {
                violations.add("D1: " + where + " is empty");
                continue;
            }
            where += " (matchday " + fixture.matchday() + ", " + fixture.home() + " v " + fixture.away() + ")";
            Integer host = fixture.home() == null ? null : slots.get(fixture.home());
            Integer guest = fixture.away() == null ? null : slots.get(fixture.away());
            boolean usable = true;
            if (host == null) {
                violations.add("D1: " + where + ": " + fixture.home() + " is not a participant in the pots");
                usable = false;
            }
            if (guest == null) {
                violations.add("D1: " + where + ": " + fixture.away() + " is not a participant in the pots");
                usable = false;
            }
            boolean dayInRange = fixture.matchday() >= 1 && fixture.matchday() <= MATCHDAYS;
            if (!dayInRange) {
                violations.add("D2: " + where + ": matchday must be between 1 and " + MATCHDAYS);
            }
            if (usable && host.equals(guest)) {
                violations.add("D1: " + where + ": a participant cannot play themself");
                usable = false;
            }
            if (!usable) {
                continue;
            }
            meetings[Math.min(host, guest)][Math.max(host, guest)]++;
            hostedFromPot[host][Pots.potOf(guest)]++;
            visitedFromPot[guest][Pots.potOf(host)]++;
            if (dayInRange) {
                matchesOnDay[host][fixture.matchday() - 1]++;
                matchesOnDay[guest][fixture.matchday() - 1]++;
            }
        }
        for (int a = 0; a < players; a++) {
            for (int b = a + 1; b < players; b++) {
                if (meetings[a][b] > 1) {
                    violations.add("D1: " + ids[a] + " and " + ids[b] + " meet " + meetings[a][b]
                            + " times; no pair may meet twice");
                }
            }
        }
        for (int player = 0; player < players; player++) {
            for (int pot = 0; pot < Pots.COUNT; pot++) {
                if (hostedFromPot[player][pot] != 1) {
                    violations.add("D1: " + ids[player] + " hosts " + hostedFromPot[player][pot]
                            + " opponents from pot " + (pot + 1) + ", expected 1");
                }
                if (visitedFromPot[player][pot] != 1) {
                    violations.add("D1: " + ids[player] + " visits " + visitedFromPot[player][pot]
                            + " opponents from pot " + (pot + 1) + ", expected 1");
                }
            }
        }
        for (int player = 0; player < players; player++) {
            for (int day = 0; day < MATCHDAYS; day++) {
                if (matchesOnDay[player][day] != 1) {
                    violations.add("D2: " + ids[player] + " plays " + matchesOnDay[player][day]
                            + " matches on matchday " + (day + 1) + ", expected exactly 1");
                }
            }
        }
        return violations;
    }

    /**
     * D2's home/away sequence rules, which the engine guarantees on top of {@link #violations}:
     * 4 home and 4 away, never three home or three away in a row, one home and one away across
     * matchdays 1–2 and across 7–8. Each participant's sequence reads like {@code HAHAAHHA}
     * ({@code -} for a matchday without a match, {@code X} for one with several).
     *
     * @return one line per violation; empty when every sequence is allowed
     */
    public static List<String> sequenceViolations(List<List<String>> pots, List<Fixture> fixtures) {
        List<List<String>> validPots = Pots.requireValid(pots);
        String[] ids = Pots.slotIds(validPots);
        Map<String, Integer> slots = Pots.slotsById(validPots);
        char[][] sequences = new char[Pots.PARTICIPANTS][MATCHDAYS];
        for (char[] sequence : sequences) {
            java.util.Arrays.fill(sequence, '-');
        }
        for (Fixture fixture : fixtures) {
            if (fixture == null || fixture.matchday() < 1 || fixture.matchday() > MATCHDAYS) {
                continue;
            }
            mark(sequences, slots.get(fixture.home()), fixture.matchday(), 'H');
            mark(sequences, slots.get(fixture.away()), fixture.matchday(), 'A');
        }
        List<String> violations = new ArrayList<>();
        for (int player = 0; player < Pots.PARTICIPANTS; player++) {
            String sequence = new String(sequences[player]);
            String who = "D2: " + ids[player] + " (" + sequence + ")";
            long homes = sequence.chars().filter(c -> c == 'H').count();
            long aways = sequence.chars().filter(c -> c == 'A').count();
            if (homes != MATCHDAYS / 2 || aways != MATCHDAYS / 2) {
                violations.add(who + " plays " + homes + " home and " + aways + " away, expected 4 and 4");
            }
            for (int day = 0; day + 2 < MATCHDAYS; day++) {
                char venue = sequence.charAt(day);
                if ((venue == 'H' || venue == 'A')
                        && sequence.charAt(day + 1) == venue && sequence.charAt(day + 2) == venue) {
                    violations.add(who + " plays three " + (venue == 'H' ? "home" : "away")
                            + " matches in a row from matchday " + (day + 1));
                }
            }
            if (!isOneOfEach(sequence.charAt(0), sequence.charAt(1))) {
                violations.add(who + " must play one home and one away match across matchdays 1 and 2");
            }
            if (!isOneOfEach(sequence.charAt(MATCHDAYS - 2), sequence.charAt(MATCHDAYS - 1))) {
                violations.add(who + " must play one home and one away match across matchdays 7 and 8");
            }
        }
        return violations;
    }

    private static void mark(char[][] sequences, Integer slot, int matchday, char venue) {
        if (slot != null) {
            char current = sequences[slot][matchday - 1];
            sequences[slot][matchday - 1] = current == '-' ? venue : 'X';
        }
    }

    private static boolean isOneOfEach(char first, char second) {
        return first == 'H' && second == 'A' || first == 'A' && second == 'H';
    }
}
