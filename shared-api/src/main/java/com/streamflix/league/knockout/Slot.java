package com.streamflix.league.knockout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One tie of the bracket, named as in ucl-format.md §6 so that commands, events, the read model and the design page
 * speak of the same thing: {@code PO-S1}..{@code PO-S4}, {@code PO-B1}..{@code PO-B4}, {@code R16-S1}..{@code R16-B4},
 * {@code QF-S1}, {@code QF-S2}, {@code QF-B1}, {@code QF-B2}, {@code SF-S}, {@code SF-B}, {@code FINAL}. The slots are
 * the same in every tournament; who plays in them depends on the {@link KnockoutBracket}.
 *
 * @param side the half of the bracket, {@code null} for the final
 */
public record Slot(String name, Round round, Side side) {

    private static final List<Slot> ALL;
    private static final Map<String, Slot> BY_NAME;

    static {
        List<Slot> all = new ArrayList<>();
        for (Round round : Round.values()) {
            if (round == Round.FINAL) {
                all.add(new Slot(nameOf(round, null, 1), round, null));
                continue;
            }
            for (Side side : Side.values()) {
                for (int number = 1; number <= count(round); number++) {
                    all.add(new Slot(nameOf(round, side, number), round, side));
                }
            }
        }
        ALL = List.copyOf(all);
        Map<String, Slot> byName = new LinkedHashMap<>();
        ALL.forEach(slot -> byName.put(slot.name, slot));
        BY_NAME = Collections.unmodifiableMap(byName);
    }

    /** Only the 23 slots of {@link #all()} exist; anything else is refused so a typo cannot name a phantom tie. */
    public Slot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(round, "round");
        int number = numberIn(name);
        if ((round == Round.FINAL) != (side == null) || number < 1 || number > count(round)
                || !name.equals(nameOf(round, side, number))) {
            throw new IllegalArgumentException("no such slot: " + name + " (" + round + ", " + side + ")");
        }
    }

    /** The slot with this name, e.g. {@code "PO-S1"} or {@code "FINAL"}. */
    public static Slot of(String name) {
        Slot slot = BY_NAME.get(name);
        if (slot == null) {
            throw new IllegalArgumentException("no such slot: " + name);
        }
        return slot;
    }

    /** The 23 slots in round order, then side S before side B, then by number. */
    public static List<Slot> all() {
        return ALL;
    }

    /** The slots of one round, in {@link #all()} order. */
    public static List<Slot> inRound(Round round) {
        return ALL.stream().filter(slot -> slot.round == round).toList();
    }

    /** The slot's number within its round and side (1..4 for play-offs and round of 16, 1..2 for quarter-finals, else 1). */
    public int number() {
        return numberIn(name);
    }

    private static int count(Round round) {
        return switch (round) {
            case PLAYOFF, ROUND_OF_16 -> 4;
            case QUARTER_FINAL -> 2;
            case SEMI_FINAL, FINAL -> 1;
        };
    }

    private static String prefix(Round round) {
        return switch (round) {
            case PLAYOFF -> "PO";
            case ROUND_OF_16 -> "R16";
            case QUARTER_FINAL -> "QF";
            case SEMI_FINAL -> "SF";
            case FINAL -> "FINAL";
        };
    }

    private static String nameOf(Round round, Side side, int number) {
        if (round == Round.FINAL) {
            return "FINAL";
        }
        return prefix(round) + "-" + side + (count(round) == 1 ? "" : String.valueOf(number));
    }

    private static int numberIn(String name) {
        char last = name.isEmpty() ? ' ' : name.charAt(name.length() - 1);
        return last >= '1' && last <= '9' ? last - '0' : 1;
    }

    @Override
    public String toString() {
        return name;
    }
}
