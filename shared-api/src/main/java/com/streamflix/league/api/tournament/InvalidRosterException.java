package com.streamflix.league.api.tournament;

import java.util.List;
import java.util.stream.Collectors;

/** A confirm-participants list that breaks RULES R4: every violation is listed, nothing is applied (→ 422). */
public class InvalidRosterException extends RuntimeException {
    private final List<RosterViolation> violations;

    public InvalidRosterException(List<RosterViolation> violations) {
        super("Invalid roster: " + violations.stream()
                .map(v -> v.userId() == null ? v.reason() : v.userId() + ": " + v.reason())
                .collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<RosterViolation> violations() {
        return violations;
    }
}
