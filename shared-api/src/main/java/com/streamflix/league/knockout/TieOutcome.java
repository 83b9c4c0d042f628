package com.streamflix.league.knockout;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Who wins a tie (RULES K3): aggregate goals over the legs, no away-goals rule; a level aggregate (or a drawn final) is
 * decided by the penalties winner the admin enters with the deciding match. One helper for the command side (which
 * refuses a resolution without the needed penalties winner, 422) and the query side (which shows the aggregate).
 */
public final class TieOutcome {

    private TieOutcome() {
    }

    /** Aggregate goals per participant over the given legs, in order of first appearance (no away-goals rule). */
    public static Map<String, Integer> aggregate(List<LegScore> legs) {
        Map<String, Integer> goals = new LinkedHashMap<>();
        for (LegScore leg : legs) {
            goals.merge(leg.home(), leg.homeGoals(), Integer::sum);
            goals.merge(leg.away(), leg.awayGoals(), Integer::sum);
        }
        return goals;
    }

    /** Whether {@code a} and {@code b} are level on aggregate over the legs played so far (each between a and b). */
    public static boolean level(String a, String b, List<LegScore> legs) {
        requireBetween(a, b, legs);
        Map<String, Integer> goals = aggregate(legs);
        return goals.getOrDefault(a, 0).equals(goals.getOrDefault(b, 0));
    }

    /**
     * The winner of a complete tie (2 legs with each side hosting one, or 1 for the final): the higher aggregate, else
     * {@code penaltiesWinner}.
     *
     * @throws IllegalArgumentException if the legs are not a complete tie between {@code a} and {@code b}, or
     *         {@code penaltiesWinner} is missing although the aggregate is level, given although it is not, or
     *         neither {@code a} nor {@code b}
     */
    public static String winner(String a, String b, List<LegScore> legs, String penaltiesWinner) {
        requireBetween(a, b, legs);
        if (legs.size() != 1 && legs.size() != 2) {
            throw new IllegalArgumentException("a complete tie has 2 legs (1 for the final), got " + legs.size());
        }
        if (legs.size() == 2 && legs.get(0).home().equals(legs.get(1).home())) {
            throw new IllegalArgumentException("each side hosts one leg of a two-legged tie: " + legs);
        }
        if (!level(a, b, legs)) {
            if (penaltiesWinner != null) {
                throw new IllegalArgumentException("penalties only decide a level aggregate (K3): " + aggregate(legs));
            }
            Map<String, Integer> goals = aggregate(legs);
            return goals.get(a) > goals.get(b) ? a : b;
        }
        if (penaltiesWinner == null) {
            throw new IllegalArgumentException("level aggregate " + aggregate(legs) + ": a penalties winner is required (K3)");
        }
        if (!penaltiesWinner.equals(a) && !penaltiesWinner.equals(b)) {
            throw new IllegalArgumentException("penalties winner " + penaltiesWinner + " is not in the tie " + a + " v " + b);
        }
        return penaltiesWinner;
    }

    /** {@link #winner(String, String, List, String)} for a bracket tie, also checking the leg count of its round (K2). */
    public static String winner(TiePairing tie, List<LegScore> legs, String penaltiesWinner) {
        if (legs.size() != tie.slot().round().legs()) {
            throw new IllegalArgumentException(tie.slot() + " has " + tie.slot().round().legs() + " leg(s), got "
                    + legs.size());
        }
        return winner(tie.better(), tie.worse(), legs, penaltiesWinner);
    }

    private static void requireBetween(String a, String b, List<LegScore> legs) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.equals(b)) {
            throw new IllegalArgumentException("a tie needs two different participants: " + a);
        }
        for (LegScore leg : legs) {
            if (!Set.of(leg.home(), leg.away()).equals(Set.of(a, b))) {
                throw new IllegalArgumentException("leg " + leg + " is not between " + a + " and " + b);
            }
        }
    }
}
