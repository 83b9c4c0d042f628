package com.streamflix.league.api.match;

import com.streamflix.league.api.FieldRefusedException;

/** A result that breaks a rule about its content (RULES K3: a penalties winner missing or not applicable; score bounds). */
public class InvalidResultException extends FieldRefusedException {

    public InvalidResultException(String field, String message) {
        super(field, message);
    }

    @Override
    public String problemType() {
        return "invalid-result";
    }
}
