package com.streamflix.league.api.prediction;

/** A book's pool and number of predictions per side (A is the match's player A). */
public record PredictionPool(long poolA, long poolB, int countA, int countB) {
    public static final PredictionPool EMPTY = new PredictionPool(0, 0, 0, 0);

    public long total() {
        return poolA + poolB;
    }

    public PredictionPool with(boolean sideA, long wager) {
        return sideA ? new PredictionPool(poolA + wager, poolB, countA + 1, countB)
                : new PredictionPool(poolA, poolB + wager, countA, countB + 1);
    }
}
