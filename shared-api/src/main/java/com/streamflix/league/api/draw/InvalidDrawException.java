package com.streamflix.league.api.draw;

import java.util.List;

/**
 * Pots that are not exactly the roster, or imported fixtures that break D1 or once-per-matchday (RULES D2): every
 * violation is listed and nothing is applied (→ 422). {@code field} is the request's offending part.
 */
public class InvalidDrawException extends RuntimeException {
    private final String field;
    private final List<String> violations;

    public InvalidDrawException(String field, List<String> violations) {
        super("Invalid " + field + ": " + String.join("; ", violations));
        this.field = field;
        this.violations = List.copyOf(violations);
    }

    public String field() {
        return field;
    }

    public List<String> violations() {
        return violations;
    }
}
