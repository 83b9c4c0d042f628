package com.streamflix.league.command.twitch;

/**
 * A signed redemption that can never be credited, however often Twitch redelivers it: a field outside Twitch's own
 * bounds, or more points than one redemption may credit. The inbox acknowledges it and stores it with this cause.
 */
public class UnusableRedemptionException extends RuntimeException {
    private final String problemType;
    private final String field;

    public UnusableRedemptionException(String problemType, String field, String message) {
        super(message);
        this.problemType = problemType;
        this.field = field;
    }

    public String problemType() {
        return problemType;
    }

    public String field() {
        return field;
    }
}
