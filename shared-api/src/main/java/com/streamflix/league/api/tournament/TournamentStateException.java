package com.streamflix.league.api.tournament;

import com.streamflix.league.api.StateRefusedException;

/** A transition or registration change that RULES T1 does not allow in the current state (→ 409 naming it). */
public class TournamentStateException extends StateRefusedException {
    private final TournamentStatus current;

    public TournamentStateException(String tournamentId, TournamentStatus current, String attemptedAction) {
        super("Tournament " + tournamentId, current, attemptedAction);
        this.current = current;
    }

    @Override
    public String problemType() {
        return "invalid-tournament-state";
    }

    public TournamentStatus current() {
        return current;
    }
}
