package com.streamflix.league.knockout;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The knockout bracket (RULES K1, K2; ucl-format.md §5–§6): from the final league ranking and a seed, who plays in each
 * of the 23 {@link Slot}s, or who still could. Pure and deterministic, so the command side (which opens ties as they
 * become known) and the query side (which shows the bracket) agree by construction.
 *
 * <p><b>The halves draw (K1, fair by D5).</b> Places 1..24 form 12 pairs: pair {@code i} ({@code i = 0..11}) is places
 * {@code 2i+1} and {@code 2i+2}. One member of each goes to side {@link Side#S}, the other to {@link Side#B}, by an
 * independent fair coin per pair, so that anyone can re-run it from the recorded seed: take SplitMix64 seeded with
 * {@code seed} (the generator of {@code com.streamflix.league.draw}); for pair {@code i}, its {@code (i+1)}-th output
 * is {@code z = mix(seed + (i+1) * 0x9E3779B97F4A7C15)} with {@code mix(z)}: {@code z = (z ^ (z >>> 30)) *
 * 0xBF58476D1CE4E5B9; z = (z ^ (z >>> 27)) * 0x94D049BB133111EB; z ^ (z >>> 31)} (64-bit wrapping arithmetic). If the
 * top bit of {@code z} is 1 (z negative as a signed long), place {@code 2i+1} goes to side S, else place {@code 2i+2}.
 * SplitMix64's mixer scrambles every seed bit into every output bit, so the 12 bits are fair and independent for any
 * seed, adjacent seeds included ({@code KnockoutFairnessTest} checks it over consecutive seeds).
 *
 * <p><b>Placement (K1, K2).</b> Play-offs: {@code PO-Sk} = side-S member of pair {7+2k, 8+2k} v side-S member of pair
 * {25-2k, 26-2k}, {@code PO-Bk} the other members. Round of 16 (each within its half): 1/2 v winner PO-4 ({@code
 * R16-x1}), 7/8 v winner PO-1 ({@code R16-x2}), 3/4 v winner PO-3 ({@code R16-x3}), 5/6 v winner PO-2 ({@code R16-x4}).
 * {@code QF-x1} = R16-x1 v R16-x2, {@code QF-x2} = R16-x3 v R16-x4, {@code SF-x} = QF-x1 v QF-x2, {@code FINAL} = SF-S v
 * SF-B. So 1 and 2 (3 and 4, …) meet only in the final.
 *
 * <p>{@code winnersBySlot} arguments map slot names to the winning participant id of each decided tie. A winner must be
 * one of its tie's two participants; an inconsistent map is refused with {@link IllegalArgumentException}.
 */
public final class KnockoutBracket {

    /**
     * Recorded with the knockout draw: a seed re-runs only on the engine that drew it. Any change to what a seed
     * produces must bump this; {@code KnockoutBracketTest} pins a seed's output.
     */
    public static final String ENGINE_VERSION = "knockout-1";

    /** Places 1..24 reach the knockouts (S3). */
    static final int PLACES = 24;
    private static final int PAIRS = PLACES / 2;
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    /** For R16-x1..R16-x4: the seeded pair (0 = places 1/2) and the play-off slot number whose winner it meets (K2). */
    private static final int[] R16_SEEDED_PAIR = {0, 3, 1, 2};
    private static final int[] R16_PLAYOFF = {4, 1, 3, 2};

    private static final Map<Slot, List<Slot>> FEEDERS = new HashMap<>();
    private static final Map<Slot, Slot> NEXT = new HashMap<>();

    static {
        for (Slot slot : Slot.all()) {
            FEEDERS.put(slot, feedersOf(slot));
            for (Slot feeder : FEEDERS.get(slot)) {
                NEXT.put(feeder, slot);
            }
        }
    }

    private final long seed;
    private final List<String> ranking;
    private final Map<String, Integer> placeById;
    /** Bit {@code i} set: the better member (place {@code 2i+1}) of pair {@code i} is on side S. */
    private final int betterOnS;
    private final Map<Slot, List<Entry>> entries = new HashMap<>();

    private KnockoutBracket(List<String> ranking, long seed, int betterOnS) {
        Objects.requireNonNull(ranking, "ranking");
        if (ranking.size() < PLACES) {
            throw new IllegalArgumentException("the knockouts need at least " + PLACES + " ranked participants, got "
                    + ranking.size());
        }
        this.ranking = List.copyOf(ranking);
        Map<String, Integer> places = new HashMap<>();
        for (int i = 0; i < this.ranking.size(); i++) {
            if (places.put(this.ranking.get(i), i + 1) != null) {
                throw new IllegalArgumentException("participant ranked twice: " + this.ranking.get(i));
            }
        }
        this.placeById = Map.copyOf(places);
        this.seed = seed;
        this.betterOnS = betterOnS;
        for (Slot slot : Slot.all()) {
            entries.put(slot, List.of(entry(slot, true), entry(slot, false)));
        }
    }

    /**
     * K1: the halves draw, as described on this class.
     *
     * @param ranking participant ids by final league place (index 0 = place 1), at least 24 (36 normally)
     * @param seed any value; record it (with {@link #ENGINE_VERSION}) so that anyone can re-run the draw
     * @throws IllegalArgumentException if fewer than 24 ids are given or an id repeats
     */
    public static KnockoutBracket draw(List<String> ranking, long seed) {
        return new KnockoutBracket(ranking, seed, halves(seed));
    }

    /**
     * The bracket as recorded: the ranking and the halves draw's outcome ({@code sideS}, participant ids), so a replay
     * rebuilds what was drawn even if a later engine version would draw differently.
     */
    public static KnockoutBracket recorded(List<String> ranking, long seed, Collection<String> sideS) {
        return withSideS(ranking, seed, sideS.stream().map(id -> ranking.indexOf(id) + 1).toList());
    }

    /** A bracket with a chosen halves outcome (tests, worked examples): exactly one place of each pair on side S. */
    static KnockoutBracket withSideS(List<String> ranking, long seed, Collection<Integer> sideSPlaces) {
        int mask = 0;
        Set<Integer> pairsSeen = new HashSet<>();
        for (int place : sideSPlaces) {
            if (place < 1 || place > PLACES || !pairsSeen.add(pairOf(place))) {
                throw new IllegalArgumentException("side S needs exactly one place of each pair 1/2 .. 23/24: "
                        + sideSPlaces);
            }
            if (place % 2 == 1) {
                mask |= 1 << pairOf(place);
            }
        }
        if (pairsSeen.size() != PAIRS) {
            throw new IllegalArgumentException("side S needs exactly one place of each pair 1/2 .. 23/24: "
                    + sideSPlaces);
        }
        return new KnockoutBracket(ranking, seed, mask);
    }

    /** Bit {@code i}: top bit of SplitMix64(seed)'s {@code (i+1)}-th output; see the class Javadoc. */
    static int halves(long seed) {
        long state = seed;
        int mask = 0;
        for (int pair = 0; pair < PAIRS; pair++) {
            state += GOLDEN_GAMMA;
            if (mix(state) < 0) {
                mask |= 1 << pair;
            }
        }
        return mask;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    public long seed() {
        return seed;
    }

    /** The full league ranking as given (index 0 = place 1). */
    public List<String> ranking() {
        return ranking;
    }

    /** The half of the bracket a league place 1..24 is in (K1). */
    public Side sideOf(int leaguePlace) {
        if (leaguePlace < 1 || leaguePlace > PLACES) {
            throw new IllegalArgumentException("only places 1.." + PLACES + " have a side: " + leaguePlace);
        }
        boolean better = leaguePlace % 2 == 1;
        boolean betterIsOnS = (betterOnS >> pairOf(leaguePlace) & 1) == 1;
        return better == betterIsOnS ? Side.S : Side.B;
    }

    /** The 12 league places on side S, in place order: the halves draw's outcome, as one would record or show it. */
    public List<Integer> sideSPlaces() {
        return placesOn(Side.S);
    }

    /** Participant ids on side S, in place order (12 of them). */
    public List<String> sideS() {
        return placesOn(Side.S).stream().map(this::idAt).toList();
    }

    /** Participant ids on side B, in place order (12 of them). */
    public List<String> sideB() {
        return placesOn(Side.B).stream().map(this::idAt).toList();
    }

    /** A participant's final league place (1-based). */
    public int placeOf(String participant) {
        Integer place = placeById.get(participant);
        if (place == null) {
            throw new IllegalArgumentException("not in the ranking: " + participant);
        }
        return place;
    }

    /** The participant at a league place (1-based). */
    public String idAt(int leaguePlace) {
        return ranking.get(leaguePlace - 1);
    }

    /** The slot a participant plays first: a play-off (places 9..24) or the round of 16 (1..8); null for 25 and below. */
    public Slot entrySlot(String participant) {
        int place = placeOf(participant);
        if (place > PLACES) {
            return null;
        }
        for (Slot slot : Slot.all()) {
            if (Entry.place(place).equals(first(slot)) || Entry.place(place).equals(second(slot))) {
                return slot;
            }
        }
        throw new IllegalStateException("place " + place + " is in no slot");
    }

    /** The first-named entry of a slot (ucl-format §6: the seeded team of a play-off or round-of-16 tie). */
    public Entry first(Slot slot) {
        return entries.get(slot).get(0);
    }

    /** The second-named entry of a slot. */
    public Entry second(Slot slot) {
        return entries.get(slot).get(1);
    }

    /** The slot a slot's winner goes to; null for the final. */
    public static Slot next(Slot slot) {
        return NEXT.get(Objects.requireNonNull(slot, "slot"));
    }

    /** The ties known at seeding: the 8 play-off ties, with their participants, in {@link Slot#all()} order. */
    public List<TiePairing> playoffTies() {
        return Slot.inRound(Round.PLAYOFF).stream().map(slot -> pairing(slot, Map.of())).toList();
    }

    /**
     * A slot's two participants once both are known, else null. {@code better} is the better league place (K2: hosts
     * leg 2); for the final, the winner of SF-S then the winner of SF-B.
     */
    public TiePairing pairing(Slot slot, Map<String, String> winnersBySlot) {
        String first = participant(first(slot), winnersBySlot);
        String second = participant(second(slot), winnersBySlot);
        if (first == null || second == null) {
            return null;
        }
        if (slot.round() == Round.FINAL || placeOf(first) < placeOf(second)) {
            return new TiePairing(slot, first, second);
        }
        return new TiePairing(slot, second, first);
    }

    /** Who an entry is, or null while the slot it waits on is undecided. */
    public String participant(Entry entry, Map<String, String> winnersBySlot) {
        Objects.requireNonNull(winnersBySlot, "winnersBySlot");
        if (entry.isPlace()) {
            return idAt(entry.leaguePlace());
        }
        Slot feeder = Slot.of(entry.winnerOf());
        String winner = winnersBySlot.get(feeder.name());
        if (winner == null) {
            return null;
        }
        TiePairing tie = pairing(feeder, winnersBySlot);
        if (tie == null || !tie.involves(winner)) {
            throw new IllegalArgumentException("winner of " + feeder + " is not one of its participants: " + winner);
        }
        return winner;
    }

    /**
     * Everyone who could still fill one entry of a slot, in place order: a league place gives its participant, a
     * decided feeder only its winner, an undecided one (recursively) everyone who could still fill it.
     *
     * @throws IllegalArgumentException if {@code entry} is neither {@link #first} nor {@link #second} of {@code slot}
     */
    public List<String> candidates(Slot slot, Entry entry, Map<String, String> winnersBySlot) {
        if (!entry.equals(first(slot)) && !entry.equals(second(slot))) {
            throw new IllegalArgumentException(entry + " is not an entry of " + slot);
        }
        Set<String> found = byPlace();
        collect(entry, winnersBySlot, found);
        return List.copyOf(found);
    }

    /**
     * Everyone who could still play in a slot, in place order: both participants once they are known, otherwise the
     * candidates of both entries (see {@link #candidates}). What the read model shows in a slot not yet settled.
     */
    public Set<String> couldFill(Slot slot, Map<String, String> winnersBySlot) {
        Set<String> found = byPlace();
        collect(first(slot), winnersBySlot, found);
        collect(second(slot), winnersBySlot, found);
        return Collections.unmodifiableSet(new LinkedHashSet<>(found));
    }

    private void collect(Entry entry, Map<String, String> winnersBySlot, Set<String> found) {
        String known = participant(entry, winnersBySlot);
        if (known != null) {
            found.add(known);
            return;
        }
        Slot feeder = Slot.of(entry.winnerOf());
        collect(first(feeder), winnersBySlot, found);
        collect(second(feeder), winnersBySlot, found);
    }

    private Set<String> byPlace() {
        return new TreeSet<>(Comparator.comparingInt(this::placeOf));
    }

    private Entry entry(Slot slot, boolean first) {
        Side side = slot.side();
        int number = slot.number();
        return switch (slot.round()) {
            case PLAYOFF -> Entry.place(memberOn(side, first ? 3 + number : 12 - number));
            case ROUND_OF_16 -> first
                    ? Entry.place(memberOn(side, R16_SEEDED_PAIR[number - 1]))
                    : Entry.winner(feeders(slot).get(0));
            default -> Entry.winner(feeders(slot).get(first ? 0 : 1));
        };
    }

    private static List<Slot> feeders(Slot slot) {
        return FEEDERS.get(slot);
    }

    /** The earlier slots whose winners play in a slot, first-named first; none for a play-off. */
    private static List<Slot> feedersOf(Slot slot) {
        Side side = slot.side();
        return switch (slot.round()) {
            case PLAYOFF -> List.of();
            case ROUND_OF_16 -> List.of(slot(Round.PLAYOFF, side, R16_PLAYOFF[slot.number() - 1]));
            case QUARTER_FINAL -> List.of(slot(Round.ROUND_OF_16, side, 2 * slot.number() - 1),
                    slot(Round.ROUND_OF_16, side, 2 * slot.number()));
            case SEMI_FINAL -> List.of(slot(Round.QUARTER_FINAL, side, 1), slot(Round.QUARTER_FINAL, side, 2));
            case FINAL -> List.of(slot(Round.SEMI_FINAL, Side.S, 1), slot(Round.SEMI_FINAL, Side.B, 1));
        };
    }

    private static Slot slot(Round round, Side side, int number) {
        return Slot.inRound(round).stream().filter(s -> s.side() == side && s.number() == number).findFirst()
                .orElseThrow();
    }

    /** The place of pair {@code pair}'s member on {@code side}. */
    private int memberOn(Side side, int pair) {
        boolean betterIsOnS = (betterOnS >> pair & 1) == 1;
        return 2 * pair + ((side == Side.S) == betterIsOnS ? 1 : 2);
    }

    private List<Integer> placesOn(Side side) {
        List<Integer> places = new ArrayList<>();
        for (int place = 1; place <= PLACES; place++) {
            if (sideOf(place) == side) {
                places.add(place);
            }
        }
        return List.copyOf(places);
    }

    private static int pairOf(int place) {
        return (place - 1) / 2;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KnockoutBracket that && seed == that.seed && betterOnS == that.betterOnS
                && ranking.equals(that.ranking);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, ranking, betterOnS);
    }

    @Override
    public String toString() {
        return "KnockoutBracket[seed=" + seed + ", sideS=" + sideSPlaces() + "]";
    }
}
