package com.streamflix.league.api.tournament;

/** A transition or registration change that RULES T1 does not allow in the current state (→ 409 naming it). */
public class TournamentStateException extends RuntimeException {
    private final String tournamentId;
    private final TournamentStatus current;
    private final String attemptedAction;

    public TournamentStateException(String tournamentId, TournamentStatus current, String attemptedAction) {
        super("Tournament " + tournamentId + " is " + current + ": cannot " + attemptedAction);
        this.tournamentId = tournamentId;
        this.current = current;
        this.attemptedAction = attemptedAction;
    }

    public String tournamentId() {
        return tournamentId;
    }

    public TournamentStatus current() {
        return current;
    }

    public String attemptedAction() {
        return attemptedAction;
    }
}
