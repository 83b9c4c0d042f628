package com.streamflix.league.predictions;

/** How a book was settled: paid to the winners (P2) or refunded in full, and why (P3). */
public enum Outcome {
    /** P2: the pool went to those who picked the winner. */
    PAID,
    /** P3: the match (or knockout leg) was drawn. */
    REFUNDED_DRAW,
    /** P3: there was a winner but nobody picked it, so there is nobody to pay the pool to. */
    REFUNDED_NO_WINNER,
    /** P3: the match was cancelled. */
    REFUNDED_CANCELLED
}
