package com.streamflix.league.api;

/** A request whose content breaks a rule of the domain (→ 422 with the problem type and the offending field named). */
public abstract class FieldRefusedException extends RuntimeException {
    private final String field;

    protected FieldRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The problem type the HTTP answer carries. */
    public abstract String problemType();

    public String field() {
        return field;
    }
}
