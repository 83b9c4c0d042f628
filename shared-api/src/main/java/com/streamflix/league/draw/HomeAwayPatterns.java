package com.streamflix.league.draw;

/**
 * The home/away sequences D2 allows a participant over the 8 matchdays, as 8-bit masks (bit
 * {@code d} set = at home on matchday {@code d + 1}): 4 home, 4 away, never three home or
 * three away in a row, and one of each across matchdays 1–2 and across 7–8.
 * There are 18 of them, so a set of sequences fits in an {@code int}.
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

    static {
        int[] found = new int[1 << MATCHDAYS];
        int count = 0;
        for (int homeDays = 0; homeDays <= ALL_DAYS; homeDays++) {
            if (isAllowed(homeDays)) {
                found[count++] = homeDays;
            }
        }
        HOME_DAYS = java.util.Arrays.copyOf(found, count);
        AWAY_DAYS = new int[count];
        for (int k = 0; k < count; k++) {
            AWAY_DAYS[k] = ~HOME_DAYS[k] & ALL_DAYS;
            for (int d = 0; d < MATCHDAYS; d++) {
                if ((HOME_DAYS[k] >> d & 1) == 1) {
                    HOME_ON[d] |= 1 << k;
                } else {
                    AWAY_ON[d] |= 1 << k;
                }
            }
        }
        ALL = (1 << count) - 1;
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
}
