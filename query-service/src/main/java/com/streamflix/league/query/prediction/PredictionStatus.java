package com.streamflix.league.query.prediction;

/**
 * One prediction as its book moves on (RULES P1–P4): in the book, locked with it at kick-off, then as the latest
 * settlement round left it: won (P2, a share of the pool), lost (nothing), or refunded in full (P3).
 */
public enum PredictionStatus {
    OPEN, LOCKED, WON, LOST, REFUNDED
}
