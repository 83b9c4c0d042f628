package com.streamflix.league.standings;

/** Where a league place leads (RULES S3). */
public enum Zone {
    ROUND_OF_16, PLAYOFFS, ELIMINATED;

    /** 1–8 the round of 16, 9–24 the knockout play-offs, 25 and below eliminated (S3). */
    public static Zone ofRank(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("ranks start at 1, not " + rank);
        }
        return rank <= 8 ? ROUND_OF_16 : rank <= 24 ? PLAYOFFS : ELIMINATED;
    }
}
