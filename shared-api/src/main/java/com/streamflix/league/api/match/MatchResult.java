package com.streamflix.league.api.match;

/**
 * A match's final result as recorded (RULES M1, K3). Player A is the home side. {@code walkoverWinnerParticipantId}
 * is set for a walkover, recorded as UEFA's forfeit score, 3–0 for that side. {@code penaltiesWinnerParticipantId}
 * is set only where K3 needs a shoot-out (a level two-legged tie after its second leg, or a drawn final).
 * {@code winnerParticipantId} is the match's own winner: the higher score, else the penalties winner, else null (a
 * draw); a tie's winner over two legs is the tournament's {@code KnockoutTieDecidedEvent}.
 */
public record MatchResult(
        int scoreA,
        int scoreB,
        String penaltiesWinnerParticipantId,
        String walkoverWinnerParticipantId,
        String winnerParticipantId) {

    /** UEFA's forfeit score. */
    public static final int WALKOVER_GOALS = 3;

    public static MatchResult played(String playerA, String playerB, int scoreA, int scoreB, String penaltiesWinner) {
        String winner = scoreA > scoreB ? playerA : scoreB > scoreA ? playerB : penaltiesWinner;
        return new MatchResult(scoreA, scoreB, penaltiesWinner, null, winner);
    }

    public static MatchResult walkover(String playerA, String playerB, String winner) {
        boolean a = winner.equals(playerA);
        return new MatchResult(a ? WALKOVER_GOALS : 0, a ? 0 : WALKOVER_GOALS, null, winner, a ? playerA : playerB);
    }

    public boolean isWalkover() {
        return walkoverWinnerParticipantId != null;
    }
}
