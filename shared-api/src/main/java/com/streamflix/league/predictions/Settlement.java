package com.streamflix.league.predictions;

import java.util.List;
import java.util.Objects;

/**
 * A settled book: how (P2 or which P3 case), on which winner ({@code null} for a draw, or as given for a cancelled
 * match), the pool, and one {@link Payout} per prediction in book order.
 */
public record Settlement(Outcome outcome, String winnerSide, long pool, List<Payout> payouts) {

    public Settlement {
        Objects.requireNonNull(outcome, "outcome");
        payouts = List.copyOf(payouts);
    }

    /** The points this settlement hands out; equal to {@link #pool} for any settlement (P2: nobody loses to rounding). */
    public long totalPaid() {
        long total = 0;
        for (Payout payout : payouts) {
            total = Math.addExact(total, payout.amount());
        }
        return total;
    }
}
