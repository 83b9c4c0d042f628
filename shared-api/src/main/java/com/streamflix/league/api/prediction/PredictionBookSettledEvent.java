package com.streamflix.league.api.prediction;

import java.util.List;

/**
 * A match's book settled (RULES P2, P3), or settled again after a corrected result (P4): {@code round} 1 is the
 * settlement at resolution, each correction that changes the outcome adds one. {@code lines} are what each
 * prediction receives in total under this settlement (a payout, a refund, or 0). The wallet moves are the difference
 * from the previous round, per prediction: {@code reversals} take back what it now receives less (as far as each
 * balance allows, W2), {@code credits} pay what it now receives more; a prediction whose amount is unchanged moves
 * nothing, so a correction can never refund or pay one twice. The moves happen after, each keyed by prediction and
 * round
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
        String correctionReason,
        List<PredictionSettlementLine> credits) {

    /** A first settlement: every line with an amount is paid. */
    public PredictionBookSettledEvent(String matchId, String tournamentId, int round, String outcome,
                                      String winnerParticipantId, long pool, int winners,
                                      List<PredictionSettlementLine> lines, List<PredictionSettlementLine> reversals,
                                      String correctionReason) {
        this(matchId, tournamentId, round, outcome, winnerParticipantId, pool, winners, lines, reversals,
                correctionReason, lines.stream().filter(line -> line.amount() > 0).toList());
    }

    /** What to pay now; events recorded before {@code credits} existed paid their lines. */
    public List<PredictionSettlementLine> creditsToPay() {
        return credits != null ? credits : lines.stream().filter(line -> line.amount() > 0).toList();
    }

    public boolean refunded() {
        return outcome.startsWith("REFUNDED");
    }
}
