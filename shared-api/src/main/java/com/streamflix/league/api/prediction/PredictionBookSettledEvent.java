package com.streamflix.league.api.prediction;

import java.util.List;

/**
 * A match's book settled (RULES P2, P3), or settled again after a corrected result (P4): {@code round} 1 is the
 * settlement at resolution, each correction that changes the outcome adds one. {@code reversals} are the previous
 * round's credits, to be taken back as far as each balance allows (W2); {@code lines} are this round's payouts or
 * refunds, one per prediction. The wallet moves happen after, each keyed by prediction and round
 * ({@code prediction-reversal:<id>:<round>}, {@code prediction-settlement:<id>:<round>}), so a settlement interrupted
 * and retried pays each prediction exactly once. {@code outcome} is a {@code predictions.Outcome} name.
 */
public record PredictionBookSettledEvent(
        String matchId,
        String tournamentId,
        int round,
        String outcome,
        String winnerParticipantId,
        long pool,
        int winners,
        List<PredictionSettlementLine> lines,
        List<PredictionSettlementLine> reversals,
        String correctionReason) {

    public boolean refunded() {
        return outcome.startsWith("REFUNDED");
    }
}
