package com.streamflix.league.api.match;

/** An action RULES M1 does not allow in the match's current state (→ 409 naming it). */
public class MatchStateException extends RuntimeException {
    private final String matchId;
    private final MatchStatus current;
    private final String attemptedAction;

    public MatchStateException(String matchId, MatchStatus current, String attemptedAction) {
        super("Match " + matchId + " is " + current + ": cannot " + attemptedAction);
        this.matchId = matchId;
        this.current = current;
        this.attemptedAction = attemptedAction;
    }

    public String matchId() {
        return matchId;
    }

    public MatchStatus current() {
        return current;
    }

    public String attemptedAction() {
        return attemptedAction;
    }
}
