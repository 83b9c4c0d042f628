package com.streamflix.league.knockout;

import java.util.List;
import java.util.Objects;

/**
 * A tie's two participants in K2 order: {@code better} is the better-placed in the league phase and hosts the second
 * leg (RULES K2, UEFA's rule from 2025/26), so leg 1 is hosted by {@code worse}. For the {@link Round#FINAL} (one
 * match, no home side) {@code better} is the winner of SF-S and {@code worse} the winner of SF-B, whatever their
 * places, so that the order is fixed by the bracket alone.
 */
public record TiePairing(Slot slot, String better, String worse) {

    public TiePairing {
        Objects.requireNonNull(slot, "slot");
        Objects.requireNonNull(better, "better");
        Objects.requireNonNull(worse, "worse");
        if (better.equals(worse)) {
            throw new IllegalArgumentException("a tie needs two different participants: " + better);
        }
    }

    /** The host of leg 1 or 2 of a two-legged tie; {@code null} for the final, which has no home side (K2). */
    public String hostOfLeg(int leg) {
        if (leg < 1 || leg > slot.round().legs()) {
            throw new IllegalArgumentException(slot.name() + " has no leg " + leg);
        }
        if (!slot.round().twoLegged()) {
            return null;
        }
        return leg == 1 ? worse : better;
    }

    /** {@code better} then {@code worse}. */
    public List<String> participants() {
        return List.of(better, worse);
    }

    public boolean involves(String participant) {
        return better.equals(participant) || worse.equals(participant);
    }
}
