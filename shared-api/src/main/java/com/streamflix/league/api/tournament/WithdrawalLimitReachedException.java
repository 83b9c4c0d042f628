package com.streamflix.league.api.tournament;

/**
 * RULES R3: a user who withdrew from a tournament {@code maxWithdrawals} times may not register for it again (→ 409),
 * so a register/withdraw loop cannot grow the tournament's and the wallet's streams without bound.
 */
public class WithdrawalLimitReachedException extends RuntimeException {
    private final int maxWithdrawals;

    public WithdrawalLimitReachedException(int maxWithdrawals) {
        super("You withdrew from this tournament " + maxWithdrawals + " times, the most allowed; you cannot register "
                + "for it again");
        this.maxWithdrawals = maxWithdrawals;
    }

    public int maxWithdrawals() {
        return maxWithdrawals;
    }
}
