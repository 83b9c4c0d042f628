package com.streamflix.league.api;

/**
 * An action an aggregate's lifecycle does not allow in its current state (RULES T1, M1): answered 409 with the
 * current state and the attempted action named, and nothing recorded.
 */
public abstract class StateRefusedException extends RuntimeException {
    private final Enum<?> current;
    private final String attemptedAction;

    protected StateRefusedException(String what, Enum<?> current, String attemptedAction) {
        super(what + " is " + current + ": cannot " + attemptedAction);
        this.current = current;
        this.attemptedAction = attemptedAction;
    }

    /** The problem type the HTTP answer carries. */
    public abstract String problemType();

    public String currentState() {
        return current == null ? null : current.name();
    }

    public String attemptedAction() {
        return attemptedAction;
    }
}
