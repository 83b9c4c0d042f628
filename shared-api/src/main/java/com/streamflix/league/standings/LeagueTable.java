package com.streamflix.league.standings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * The league-phase table (RULES S1–S3). One comparator, used by the command side to seed the knockouts and by the
 * query side for what viewers see (S2), so the two can never disagree. The table is always computed from scratch:
 * the opponents' criteria depend on other entrants' results, so any result can move entrants who did not play in it
 * (ucl-format.md §4.3).
 */
public final class LeagueTable {

    /**
     * S2 order, best first: points (S1, vote bonus included); goal difference; goals scored; away goals scored; wins;
     * away wins; opponents' points; opponents' goal difference; opponents' goals scored; then seeding position, lower
     * first, which stands in for UEFA's disciplinary points and club coefficient and always separates two entrants.
     */
    public static final Comparator<StandingsRow> RANKING = higherFirst(StandingsRow::points)
            .thenComparing(higherFirst(StandingsRow::goalDifference))
            .thenComparing(higherFirst(StandingsRow::goalsFor))
            .thenComparing(higherFirst(StandingsRow::awayGoalsFor))
            .thenComparing(higherFirst(StandingsRow::wins))
            .thenComparing(higherFirst(StandingsRow::awayWins))
            .thenComparing(higherFirst(StandingsRow::opponentsPoints))
            .thenComparing(higherFirst(StandingsRow::opponentsGoalDifference))
            .thenComparing(higherFirst(StandingsRow::opponentsGoalsFor))
            .thenComparingInt(StandingsRow::seedPosition);

    private LeagueTable() {
    }

    /**
     * The whole table, ranked 1..n by {@link #RANKING}; every entrant gets a row, also with no match played.
     * {@code bonusPoints} maps a participant id to its league points from viewer votes (missing = 0, S1).
     * Opponents' criteria sum, once per match, the current totals (points with bonus, goal difference, goals
     * scored) of the opponents met in {@code results}.
     *
     * @throws IllegalArgumentException for an entrant or seeding position listed twice, a result or bonus naming
     *                                  an unknown participant, a participant playing themself, or negative goals
     */
    public static List<StandingsRow> rank(List<Entrant> entrants, List<LeagueResult> results,
            Map<String, Integer> bonusPoints) {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Set<Integer> seedPositions = new HashSet<>();
        for (Entrant entrant : entrants) {
            if (tallies.putIfAbsent(entrant.participantId(), new Tally(entrant)) != null) {
                throw new IllegalArgumentException("entrant listed twice: " + entrant.participantId());
            }
            if (!seedPositions.add(entrant.seedPosition())) {
                throw new IllegalArgumentException("seeding position given twice: " + entrant.seedPosition());
            }
        }
        bonusPoints.forEach((participantId, points) -> tallyOf(tallies, participantId, "bonus").bonusPoints = points);
        for (LeagueResult result : results) {
            Tally home = tallyOf(tallies, result.homeParticipantId(), result);
            Tally away = tallyOf(tallies, result.awayParticipantId(), result);
            if (home == away) {
                throw new IllegalArgumentException("a participant cannot play themself: " + result);
            }
            if (result.homeGoals() < 0 || result.awayGoals() < 0) {
                throw new IllegalArgumentException("negative goals: " + result);
            }
            home.record(away, result.homeGoals(), result.awayGoals(), false);
            away.record(home, result.awayGoals(), result.homeGoals(), true);
        }
        // Sort on the criteria alone, then number the places: the rank is the outcome, not an input.
        List<StandingsRow> sorted = tallies.values().stream().map(tally -> tally.row(0, null)).sorted(RANKING).toList();
        List<StandingsRow> table = new ArrayList<>(sorted.size());
        for (StandingsRow row : sorted) {
            int rank = table.size() + 1;
            table.add(tallies.get(row.participantId()).row(rank, Zone.ofRank(rank)));
        }
        return List.copyOf(table);
    }

    private static Comparator<StandingsRow> higherFirst(ToIntFunction<StandingsRow> criterion) {
        return Comparator.comparingInt(criterion).reversed();
    }

    private static Tally tallyOf(Map<String, Tally> tallies, String participantId, Object namedIn) {
        Tally tally = tallies.get(participantId);
        if (tally == null) {
            throw new IllegalArgumentException("unknown participant " + participantId + " in " + namedIn);
        }
        return tally;
    }

    /** One entrant's running totals while the results are counted. */
    private static final class Tally {
        private final Entrant entrant;
        private final List<Tally> opponents = new ArrayList<>();
        private int wins;
        private int draws;
        private int losses;
        private int goalsFor;
        private int goalsAgainst;
        private int awayGoalsFor;
        private int awayWins;
        private int bonusPoints;

        Tally(Entrant entrant) {
            this.entrant = entrant;
        }

        void record(Tally opponent, int scored, int conceded, boolean away) {
            opponents.add(opponent);
            goalsFor += scored;
            goalsAgainst += conceded;
            if (scored > conceded) {
                wins++;
            } else if (scored == conceded) {
                draws++;
            } else {
                losses++;
            }
            if (away) {
                awayGoalsFor += scored;
                awayWins += scored > conceded ? 1 : 0;
            }
        }

        int points() {
            return 3 * wins + draws + bonusPoints;
        }

        int goalDifference() {
            return goalsFor - goalsAgainst;
        }

        StandingsRow row(int rank, Zone zone) {
            return new StandingsRow(rank, entrant.participantId(), entrant.seedPosition(), opponents.size(), wins,
                    draws, losses, goalsFor, goalsAgainst, goalDifference(), awayGoalsFor, awayWins, bonusPoints,
                    points(), sum(Tally::points), sum(Tally::goalDifference), sum(tally -> tally.goalsFor), zone);
        }

        private int sum(ToIntFunction<Tally> opponentTotal) {
            return opponents.stream().mapToInt(opponentTotal).sum();
        }
    }
}
