package com.streamflix.league.standings;

/**
 * One entrant of the league table: participant id and seeding position 1..36, the last tiebreaker (RULES S2, R4).
 */
public record Entrant(String participantId, int seedPosition) {
}
