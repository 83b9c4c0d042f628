package com.streamflix.league.api.match;

/** A result that breaks a rule about its content (RULES K3: a penalties winner missing or not applicable), → 422 naming the field. */
public class InvalidResultException extends RuntimeException {
    private final String field;

    public InvalidResultException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
