package com.streamflix.league.api.prediction;

/** One prediction per user per match (RULES P1): the second is refused, showing the first (→ 409). */
public class PredictionExistsException extends RuntimeException {
    private final PredictionPlacedEvent existing;

    public PredictionExistsException(PredictionPlacedEvent existing) {
        super("You already predicted on this match: " + existing.wager() + " points on " + existing.participantId());
        this.existing = existing;
    }

    public PredictionPlacedEvent existing() {
        return existing;
    }
}
