package com.streamflix.league.api.wallet;

/** A debit larger than the balance (RULES W2). Nothing is applied. */
public class InsufficientPointsException extends RuntimeException {
    private final long balance;
    private final long requested;

    public InsufficientPointsException(long balance, long requested) {
        super("Balance " + balance + " is lower than the " + requested + " points requested");
        this.balance = balance;
        this.requested = requested;
    }

    public long balance() {
        return balance;
    }

    public long requested() {
        return requested;
    }
}
