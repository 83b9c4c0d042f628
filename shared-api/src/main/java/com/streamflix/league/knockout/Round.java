package com.streamflix.league.knockout;

/** The knockout rounds in playing order (RULES K1, K2). */
public enum Round {
    PLAYOFF, ROUND_OF_16, QUARTER_FINAL, SEMI_FINAL, FINAL;

    /** K2: every tie is two legs except the final, which is one match with no home side. */
    public boolean twoLegged() {
        return this != FINAL;
    }

    /** Matches in one tie of this round: 2, or 1 for the final. */
    public int legs() {
        return twoLegged() ? 2 : 1;
    }
}
