package com.streamflix.league.query.prediction;

/** A match's prediction book (RULES P1–P4): taking predictions, locked at kick-off, settled (again after a correction). */
public enum BookStatus {
    OPEN, LOCKED, SETTLED
}
