package com.streamflix.league.standings;

/**
 * A completed league match as the table counts it: the home side hosted (away goals and away wins are S2 criteria).
 * A walkover is counted as its 3–0 score, see {@link #walkover}.
 */
public record LeagueResult(String homeParticipantId, String awayParticipantId, int homeGoals, int awayGoals) {

    private static final int WALKOVER_GOALS = 3;

    /**
     * The walkover awarded to {@code winnerParticipantId} in this fixture, as a 3–0 (or 0–3) so that it counts like
     * any other result; the fixture's home side stays the home side.
     */
    public static LeagueResult walkover(String homeParticipantId, String awayParticipantId, String winnerParticipantId) {
        if (winnerParticipantId.equals(homeParticipantId)) {
            return new LeagueResult(homeParticipantId, awayParticipantId, WALKOVER_GOALS, 0);
        }
        if (winnerParticipantId.equals(awayParticipantId)) {
            return new LeagueResult(homeParticipantId, awayParticipantId, 0, WALKOVER_GOALS);
        }
        throw new IllegalArgumentException("walkover winner " + winnerParticipantId + " does not play "
                + homeParticipantId + " v " + awayParticipantId);
    }
}
