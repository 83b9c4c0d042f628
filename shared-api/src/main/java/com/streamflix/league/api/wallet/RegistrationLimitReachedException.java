package com.streamflix.league.api.wallet;

/** RULES R2: the user already holds the maximum number of active registrations. */
public class RegistrationLimitReachedException extends RuntimeException {
    private final int maxActive;

    public RegistrationLimitReachedException(int maxActive) {
        super("You already hold " + maxActive + " active registrations, the most allowed");
        this.maxActive = maxActive;
    }

    public int maxActive() {
        return maxActive;
    }
}
