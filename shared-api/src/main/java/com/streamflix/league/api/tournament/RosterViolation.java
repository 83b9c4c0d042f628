package com.streamflix.league.api.tournament;

/** One reason a roster was refused (RULES R4). {@code userId} is null for a fault of the whole list (its size). */
public record RosterViolation(String userId, String reason) {
}
