package com.streamflix.league.draw;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape the league phase is built for (D1): four pots of nine distinct participants.
 * Participant {@code slot} numbers used inside the engine are {@code pot * 9 + place in pot}.
 */
public final class Pots {

    public static final int COUNT = 4;
    public static final int SIZE = 9;
    public static final int PARTICIPANTS = COUNT * SIZE;

    private Pots() {
    }

    /**
     * Refuses anything but 4 pots of 9 distinct, non-blank ids.
     *
     * @return an unmodifiable copy of the pots
     * @throws IllegalArgumentException naming what is wrong
     */
    public static List<List<String>> requireValid(List<List<String>> pots) {
        if (pots == null) {
            throw new IllegalArgumentException("pots are required: 4 pots of 9 participant ids");
        }
        if (pots.size() != COUNT) {
            throw new IllegalArgumentException(
                    "expected " + COUNT + " pots of " + SIZE + " participant ids, got " + pots.size() + " pots");
        }
        List<String> problems = new ArrayList<>();
        Map<String, Integer> potOf = new HashMap<>();
        for (int pot = 0; pot < COUNT; pot++) {
            List<String> members = pots.get(pot);
            if (members == null || members.size() != SIZE) {
                problems.add("pot " + (pot + 1) + " has " + (members == null ? 0 : members.size())
                        + " participants, expected " + SIZE);
                continue;
            }
            for (String id : members) {
                if (id == null || id.isBlank()) {
                    problems.add("pot " + (pot + 1) + " contains a blank participant id");
                    continue;
                }
                Integer earlier = potOf.putIfAbsent(id, pot);
                if (earlier != null) {
                    problems.add("participant " + id + " appears more than once (pot " + (earlier + 1)
                            + " and pot " + (pot + 1) + ")");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid pots: " + String.join("; ", problems));
        }
        return pots.stream().map(List::copyOf).toList();
    }

    static String[] slotIds(List<List<String>> validPots) {
        String[] ids = new String[PARTICIPANTS];
        for (int pot = 0; pot < COUNT; pot++) {
            for (int place = 0; place < SIZE; place++) {
                ids[pot * SIZE + place] = validPots.get(pot).get(place);
            }
        }
        return ids;
    }

    static Map<String, Integer> slotsById(List<List<String>> validPots) {
        Map<String, Integer> slots = new HashMap<>();
        for (int pot = 0; pot < COUNT; pot++) {
            for (int place = 0; place < SIZE; place++) {
                slots.put(validPots.get(pot).get(place), pot * SIZE + place);
            }
        }
        return slots;
    }

    static int potOf(int slot) {
        return slot / SIZE;
    }
}
