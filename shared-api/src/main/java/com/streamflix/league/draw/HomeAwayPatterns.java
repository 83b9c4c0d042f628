package com.streamflix.league.draw;

import java.util.Arrays;

/**
 * The home/away sequences D2 allows a participant over the 8 matchdays, as 8-bit masks (bit
 * {@code d} set = at home on matchday {@code d + 1}): 4 home, 4 away, never three home or
 * three away in a row, and one of each across matchdays 1–2 and across 7–8.
 * There are 18 of them, so a set of sequences fits in an {@code int}; the tables below answer the
 * scheduler's questions about such sets with one or two lookups.
 */
final class HomeAwayPatterns {

    static final int MATCHDAYS = 8;
    static final int ALL_DAYS = (1 << MATCHDAYS) - 1;

    /** HOME_DAYS[k]: the home matchdays of sequence k. */
    static final int[] HOME_DAYS;
    /** AWAY_DAYS[k]: the away matchdays of sequence k. */
    static final int[] AWAY_DAYS;
    /** Bitset of all sequences. */
    static final int ALL;
    /** HOME_ON[d]: bitset of the sequences that are at home on matchday d. */
    static final int[] HOME_ON = new int[MATCHDAYS];
    /** AWAY_ON[d]: bitset of the sequences that are away on matchday d. */
    static final int[] AWAY_ON = new int[MATCHDAYS];
    /** HOME_ON_ANY[days]: bitset of the sequences at home on at least one of those matchdays. */
    static final int[] HOME_ON_ANY = new int[ALL_DAYS + 1];
    /** AWAY_ON_ANY[days]: bitset of the sequences away on at least one of those matchdays. */
    static final int[] AWAY_ON_ANY = new int[ALL_DAYS + 1];

    /* Home and away days of a set of sequences, looked up in two halves of the set's bits. */
    private static final int HALF = 9;
    private static final int[][] HOME_DAYS_OF = new int[2][1 << HALF];
    private static final int[][] AWAY_DAYS_OF = new int[2][1 << HALF];

    static {
        int[] found = new int[ALL_DAYS + 1];
        int count = 0;
        for (int homeDays = 0; homeDays <= ALL_DAYS; homeDays++) {
            if (isAllowed(homeDays)) {
                found[count++] = homeDays;
            }
        }
        HOME_DAYS = Arrays.copyOf(found, count);
        AWAY_DAYS = new int[count];
        ALL = (1 << count) - 1;
        for (int k = 0; k < count; k++) {
            AWAY_DAYS[k] = ~HOME_DAYS[k] & ALL_DAYS;
            for (int d = 0; d < MATCHDAYS; d++) {
                if ((HOME_DAYS[k] >> d & 1) == 1) {
                    HOME_ON[d] |= 1 << k;
                } else {
                    AWAY_ON[d] |= 1 << k;
                }
            }
            for (int days = 0; days <= ALL_DAYS; days++) {
                HOME_ON_ANY[days] |= (HOME_DAYS[k] & days) != 0 ? 1 << k : 0;
                AWAY_ON_ANY[days] |= (AWAY_DAYS[k] & days) != 0 ? 1 << k : 0;
            }
            for (int set = 0; set < 1 << HALF; set++) {
                if ((set >> (k % HALF) & 1) == 1) {
                    HOME_DAYS_OF[k / HALF][set] |= HOME_DAYS[k];
                    AWAY_DAYS_OF[k / HALF][set] |= AWAY_DAYS[k];
                }
            }
        }
    }

    private HomeAwayPatterns() {
    }

    /** D2's sequence rules for one participant, given its home matchdays. */
    static boolean isAllowed(int homeDays) {
        if (Integer.bitCount(homeDays) != MATCHDAYS / 2) {
            return false;
        }
        boolean mixedStart = (homeDays & 0b11) == 0b01 || (homeDays & 0b11) == 0b10;
        int lastTwo = homeDays >> (MATCHDAYS - 2) & 0b11;
        boolean mixedEnd = lastTwo == 0b01 || lastTwo == 0b10;
        if (!mixedStart || !mixedEnd) {
            return false;
        }
        for (int d = 0; d + 2 < MATCHDAYS; d++) {
            int three = homeDays >> d & 0b111;
            if (three == 0b000 || three == 0b111) {
                return false;
            }
        }
        return true;
    }

    /** The matchdays on which at least one of the given sequences is at home. */
    static int homeDaysOf(int sequences) {
        return HOME_DAYS_OF[0][sequences & ((1 << HALF) - 1)] | HOME_DAYS_OF[1][sequences >>> HALF];
    }

    /** The matchdays on which at least one of the given sequences is away. */
    static int awayDaysOf(int sequences) {
        return AWAY_DAYS_OF[0][sequences & ((1 << HALF) - 1)] | AWAY_DAYS_OF[1][sequences >>> HALF];
    }
}
