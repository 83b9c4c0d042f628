package com.streamflix.league.api.match;

import com.streamflix.league.api.StateRefusedException;

/** An action RULES M1 does not allow in the match's current state (→ 409 naming it). */
public class MatchStateException extends StateRefusedException {
    public MatchStateException(String matchId, MatchStatus current, String attemptedAction) {
        super("Match " + matchId, current, attemptedAction);
    }

    @Override
    public String problemType() {
        return "invalid-match-state";
    }
}
