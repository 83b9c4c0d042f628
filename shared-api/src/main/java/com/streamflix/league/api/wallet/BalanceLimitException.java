package com.streamflix.league.api.wallet;

/**
 * A credit that would lift a balance above the most a wallet may hold (RULES W2's upper edge): refused, nothing
 * applied. Bounding new money keeps every later sum (payouts, refunds, the audit's replay) far from overflow.
 */
public class BalanceLimitException extends RuntimeException {
    private final long balance;
    private final long requested;
    private final long maxBalance;

    public BalanceLimitException(long balance, long requested, long maxBalance) {
        super("A credit of " + requested + " points would lift the balance of " + balance + " above the "
                + maxBalance + " points a wallet may hold");
        this.balance = balance;
        this.requested = requested;
        this.maxBalance = maxBalance;
    }

    public long balance() {
        return balance;
    }

    public long requested() {
        return requested;
    }

    public long maxBalance() {
        return maxBalance;
    }
}
