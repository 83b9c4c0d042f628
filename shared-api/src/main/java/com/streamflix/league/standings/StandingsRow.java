package com.streamflix.league.standings;

/**
 * One row of the league table, every S2 criterion as a number, so that ranking is a plain lexicographic sort
 * ({@link LeagueTable#RANKING}). {@code points = 3 * wins + draws + bonusPoints}: the viewer-vote bonus counts
 * everywhere, also in other entrants' {@code opponentsPoints} (RULES S1). {@code zone} follows {@code rank} (S3).
 */
public record StandingsRow(int rank, String participantId, int seedPosition, int played, int wins, int draws,
        int losses, int goalsFor, int goalsAgainst, int goalDifference, int awayGoalsFor, int awayWins,
        int bonusPoints, int points, int opponentsPoints, int opponentsGoalDifference, int opponentsGoalsFor,
        Zone zone) {
}
