package com.streamflix.league.api.wallet;

/** Why a wallet balance moved (the `type` column of Transactions, RULES W3). */
public enum TransactionType {
    TWITCH_REWARD_REDEMPTION,
    ADMIN_ADJUSTMENT,
    VOTE_SPEND,
    VOTE_REFUND,
    PREDICTION_WAGER,
    PREDICTION_PAYOUT,
    PREDICTION_REFUND,
    /** An earlier prediction payout or refund taken back after a corrected result (RULES P4). */
    PREDICTION_REVERSAL
}
