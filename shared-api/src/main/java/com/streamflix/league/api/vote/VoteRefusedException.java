package com.streamflix.league.api.vote;

import com.streamflix.league.api.FieldRefusedException;

/** A start-vote or vote request whose content breaks V1/V2 (→ 422 naming the field). */
public class VoteRefusedException extends FieldRefusedException {
    public VoteRefusedException(String field, String message) {
        super(field, message);
    }

    @Override
    public String problemType() {
        return "invalid-vote";
    }
}
