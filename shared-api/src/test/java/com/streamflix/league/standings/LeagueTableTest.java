package com.streamflix.league.standings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * RULES S1–S3. Each S2 test builds a table in which the criterion under test is the only one that separates two
 * players in the higher one's favour: every earlier criterion is equal, the next one favours the other player and no
 * later one favours the higher, as the test asserts on the rows themselves. So the tests prove each criterion and
 * the order of every neighbouring pair. Each table is ranked twice with the seeding swapped, so that seeding alone
 * would give the opposite order once.
 */
class LeagueTableTest {

    /** S2 criteria in order, seeding position (lower first) aside. */
    private static final Map<String, ToIntFunction<StandingsRow>> S2 = new LinkedHashMap<>();

    static {
        S2.put("points", StandingsRow::points);
        S2.put("goalDifference", StandingsRow::goalDifference);
        S2.put("goalsFor", StandingsRow::goalsFor);
        S2.put("awayGoalsFor", StandingsRow::awayGoalsFor);
        S2.put("wins", StandingsRow::wins);
        S2.put("awayWins", StandingsRow::awayWins);
        S2.put("opponentsPoints", StandingsRow::opponentsPoints);
        S2.put("opponentsGoalDifference", StandingsRow::opponentsGoalDifference);
        S2.put("opponentsGoalsFor", StandingsRow::opponentsGoalsFor);
    }

    @Test
    void pointsComeFirst_S2() {
        // A: 4 points from a win and a draw; B: 3 points, but more goal difference, goals and away goals.
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("A", "X", 1, 0), match("Y", "A", 0, 0),
                match("X", "B", 0, 6), match("B", "Y", 0, 1)), Map.of());

        assertOnlyCriterionSeparates("points", row(table, "A"), row(table, "B"));
    }

    @Test
    void goalDifferenceComesFirstAfterPoints_S2() {
        // 3 points each; A +1 from 2-0 and 0-1, B 0 from an away 4-3 and 0-1 (more goals, away goals, away wins).
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("A", "X", 2, 0), match("Y", "A", 1, 0),
                match("X", "B", 3, 4), match("B", "Y", 0, 1)), Map.of());

        assertOnlyCriterionSeparates("goalDifference", row(table, "A"), row(table, "B"));
    }

    @Test
    void goalsScored_S2() {
        // 3 points and +1 each; A 4 goals, all at home; B 2 goals, both away.
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("A", "X", 3, 1), match("A", "Y", 1, 2),
                match("X", "B", 0, 2), match("B", "Y", 0, 1)), Map.of());

        assertOnlyCriterionSeparates("goalsFor", row(table, "A"), row(table, "B"));
    }

    @Test
    void awayGoalsScored_S2() {
        // 3 points, 2-2 goals each against X, Y and Z; A: three draws, two goals away; B: a home win, no away goal.
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("X", "A", 1, 1), match("Y", "A", 1, 1), match("A", "Z", 0, 0),
                match("B", "X", 2, 0), match("Y", "B", 1, 0), match("Z", "B", 1, 0)), Map.of());

        assertOnlyCriterionSeparates("awayGoalsFor", row(table, "A"), row(table, "B"));
    }

    @Test
    void wins_S2() {
        // 6 points, 4-3 goals, one away goal each against X, Y, Z and V; A: two home wins, two losses;
        // B: an away win and three draws.
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("A", "X", 2, 0), match("A", "Y", 1, 0), match("Z", "A", 2, 1), match("V", "A", 1, 0),
                match("X", "B", 0, 1), match("B", "Y", 1, 1), match("B", "Z", 2, 2), match("V", "B", 0, 0)),
                Map.of());

        assertOnlyCriterionSeparates("wins", row(table, "A"), row(table, "B"));
    }

    @Test
    void awayWins_S2() {
        // Identical scores (1-0 win, 1-2 loss), one goal away each; A won away, B at home. B's opponents have more
        // points (Z also beat R).
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("X", "A", 0, 1), match("A", "Y", 1, 2),
                match("B", "X", 1, 0), match("Z", "B", 2, 1), match("Z", "R", 1, 0)), Map.of());

        assertOnlyCriterionSeparates("awayWins", row(table, "A"), row(table, "B"));
    }

    @Test
    void opponentsPoints_S2() {
        // A and B both beat one opponent 1-0 at home; A's opponent X then won twice (6 points, +1, 2 goals),
        // B's opponent Y once (3 points, +4, 5 goals).
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("A", "X", 1, 0), match("X", "P", 1, 0), match("X", "Q", 1, 0),
                match("B", "Y", 1, 0), match("Y", "R", 5, 0)), Map.of());

        assertOnlyCriterionSeparates("opponentsPoints", row(table, "A"), row(table, "B"));
    }

    @Test
    void opponentsGoalDifference_S2() {
        // Opponents both on 3 points; X at +2 with 3 goals, Y at 0 with 5 goals.
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("A", "X", 1, 0), match("X", "P", 3, 0),
                match("B", "Y", 1, 0), match("Y", "R", 5, 4)), Map.of());

        assertOnlyCriterionSeparates("opponentsGoalDifference", row(table, "A"), row(table, "B"));
    }

    @Test
    void opponentsGoalsScored_S2() {
        // Opponents both on 3 points and +1; X scored 3, Y 2.
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("A", "X", 1, 0), match("X", "P", 3, 1),
                match("B", "Y", 1, 0), match("Y", "R", 2, 0)), Map.of());

        assertOnlyCriterionSeparates("opponentsGoalsFor", row(table, "A"), row(table, "B"));
    }

    @Test
    void seedingPositionLast_S2() {
        List<LeagueResult> mirrored = List.of(match("A", "X", 1, 0), match("B", "Y", 1, 0));
        List<StandingsRow> aSeededFirst = LeagueTable.rank(
                List.of(new Entrant("A", 1), new Entrant("B", 2), new Entrant("X", 3), new Entrant("Y", 4)),
                mirrored, Map.of());
        List<StandingsRow> bSeededFirst = LeagueTable.rank(
                List.of(new Entrant("A", 2), new Entrant("B", 1), new Entrant("X", 3), new Entrant("Y", 4)),
                mirrored, Map.of());

        S2.forEach((criterion, value) -> assertThat(value.applyAsInt(row(aSeededFirst, "A")))
                .as(criterion).isEqualTo(value.applyAsInt(row(aSeededFirst, "B"))));
        assertThat(aSeededFirst).extracting(StandingsRow::participantId).startsWith("A", "B");
        assertThat(bSeededFirst).extracting(StandingsRow::participantId).startsWith("B", "A");
    }

    @Test
    void voteBonusCountsAsPoints_S1() {
        // A: a draw and 3 vote points = 4; B: a win = 3. X, who only met A, has A's 4 points as opponents' points.
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B",
                List.of(match("A", "X", 0, 0), match("B", "Y", 1, 0)), Map.of("A", 3));

        StandingsRow a = row(table, "A");
        assertThat(a.bonusPoints()).isEqualTo(3);
        assertThat(a.points()).isEqualTo(3 * 0 + 1 + 3);
        assertThat(row(table, "X").opponentsPoints()).isEqualTo(4);
        assertThat(row(table, "B").points()).isEqualTo(3);
        assertThat(a.goalDifference()).isLessThan(row(table, "B").goalDifference());
    }

    @Test
    void voteBonusCountsInOpponentsPoints_S1() {
        // Mirrored 1-0 wins. B's beaten opponent Y then won a match (3 points, +1); A's opponent X won nothing but
        // has 4 vote points, which puts A ahead.
        List<StandingsRow> table = rankedWithEitherSeeding("A", "B", List.of(
                match("A", "X", 1, 0), match("B", "Y", 1, 0), match("Y", "R", 2, 0)), Map.of("X", 4));

        assertThat(row(table, "X").points()).isEqualTo(4);
        assertThat(row(table, "Y").points()).isEqualTo(3);
        assertOnlyCriterionSeparates("opponentsPoints", row(table, "A"), row(table, "B"));
    }

    @Test
    void walkoverCountsAsItsThreeNilScore() {
        LeagueResult awayWalkover = LeagueResult.walkover("A", "B", "B");
        List<StandingsRow> table = LeagueTable.rank(entrants("A", "B"), List.of(awayWalkover), Map.of());

        assertThat(awayWalkover).isEqualTo(new LeagueResult("A", "B", 0, 3));
        assertThat(LeagueResult.walkover("A", "B", "A")).isEqualTo(new LeagueResult("A", "B", 3, 0));
        assertThat(row(table, "B")).extracting(StandingsRow::rank, StandingsRow::wins, StandingsRow::goalsFor,
                StandingsRow::awayGoalsFor, StandingsRow::awayWins, StandingsRow::points).containsExactly(1, 1, 3, 3, 1, 3);
        assertThat(row(table, "A")).extracting(StandingsRow::losses, StandingsRow::goalsAgainst)
                .containsExactly(1, 3);
        assertThatIllegalArgumentException().isThrownBy(() -> LeagueResult.walkover("A", "B", "C"));
    }

    @Test
    void zonesByRankFor36Entrants_S3() {
        List<Entrant> entrants = IntStream.rangeClosed(1, 36).mapToObj(seed -> new Entrant("p" + seed, seed)).toList();

        List<StandingsRow> table = LeagueTable.rank(entrants, List.of(), Map.of());

        assertThat(table).extracting(StandingsRow::rank).containsExactlyElementsOf(IntStream.rangeClosed(1, 36).boxed().toList());
        assertThat(table).extracting(StandingsRow::participantId).first().isEqualTo("p1");
        assertThat(table.subList(0, 8)).allMatch(row -> row.zone() == Zone.ROUND_OF_16);
        assertThat(table.subList(8, 24)).allMatch(row -> row.zone() == Zone.PLAYOFFS);
        assertThat(table.subList(24, 36)).allMatch(row -> row.zone() == Zone.ELIMINATED);
        assertThat(Zone.ofRank(8)).isEqualTo(Zone.ROUND_OF_16);
        assertThat(Zone.ofRank(9)).isEqualTo(Zone.PLAYOFFS);
        assertThat(Zone.ofRank(24)).isEqualTo(Zone.PLAYOFFS);
        assertThat(Zone.ofRank(25)).isEqualTo(Zone.ELIMINATED);
        assertThat(Zone.ofRank(37)).isEqualTo(Zone.ELIMINATED);
        assertThatIllegalArgumentException().isThrownBy(() -> Zone.ofRank(0));
    }

    @Test
    void playedWinsDrawsLossesAndGoalsAddUp_S1() {
        List<StandingsRow> table = LeagueTable.rank(entrants("A", "B", "C", "D", "E"), List.of(
                match("A", "B", 2, 1), match("C", "A", 1, 1), match("D", "A", 3, 0), match("C", "D", 2, 2)),
                Map.of("B", 1));

        // played, wins, draws, losses, goals for, against, difference, away goals, away wins, bonus, points
        assertThat(counts(row(table, "A"))).containsExactly(3, 1, 1, 1, 3, 5, -2, 1, 0, 0, 4);
        assertThat(counts(row(table, "B"))).containsExactly(1, 0, 0, 1, 1, 2, -1, 1, 0, 1, 1);
        assertThat(counts(row(table, "C"))).containsExactly(2, 0, 2, 0, 3, 3, 0, 0, 0, 0, 2);
        assertThat(counts(row(table, "D"))).containsExactly(2, 1, 1, 0, 5, 2, 3, 2, 0, 0, 4);
        assertThat(counts(row(table, "E"))).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        // A met B (1 point with bonus, -1), C (2, 0) and D (4, +3): opponents' totals, each meeting once.
        assertThat(row(table, "A")).extracting(StandingsRow::opponentsPoints, StandingsRow::opponentsGoalDifference,
                StandingsRow::opponentsGoalsFor).containsExactly(7, 2, 9);
        // D and A on 4 points: D's +3 beats A's -2.
        assertThat(table).extracting(StandingsRow::participantId).containsExactly("D", "A", "C", "B", "E");
    }

    @Test
    void refusesWhatCannotBeALeagueTable() {
        List<Entrant> entrants = entrants("A", "B");

        assertThatIllegalArgumentException().isThrownBy(
                () -> LeagueTable.rank(entrants, List.of(match("A", "Z", 1, 0)), Map.of())).withMessageContaining("Z");
        assertThatIllegalArgumentException().isThrownBy(
                () -> LeagueTable.rank(entrants, List.of(match("A", "A", 1, 0)), Map.of()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> LeagueTable.rank(entrants, List.of(match("A", "B", -1, 0)), Map.of()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> LeagueTable.rank(entrants, List.of(match("A", "B", 0, -1)), Map.of()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> LeagueTable.rank(entrants, List.of(), Map.of("Z", 1))).withMessageContaining("Z");
        assertThatIllegalArgumentException().isThrownBy(() -> LeagueTable.rank(
                List.of(new Entrant("A", 1), new Entrant("A", 2)), List.of(), Map.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> LeagueTable.rank(
                List.of(new Entrant("A", 1), new Entrant("B", 1)), List.of(), Map.of()));
    }

    /**
     * Ranks the table with {@code better} seeded first and then last, asserts it ranks above {@code worse} both
     * times, and returns the second table.
     */
    private static List<StandingsRow> rankedWithEitherSeeding(String better, String worse, List<LeagueResult> results,
            Map<String, Integer> bonusPoints) {
        Set<String> others = new LinkedHashSet<>();
        results.forEach(result -> {
            others.add(result.homeParticipantId());
            others.add(result.awayParticipantId());
        });
        others.addAll(bonusPoints.keySet());
        others.removeAll(List.of(better, worse));
        List<StandingsRow> table = List.of();
        for (List<String> seeding : List.of(List.of(better, worse), List.of(worse, better))) {
            List<String> ids = new ArrayList<>(seeding);
            ids.addAll(others);
            table = LeagueTable.rank(entrants(ids.toArray(String[]::new)), results, bonusPoints);
            assertThat(table).extracting(StandingsRow::participantId).as("seeded " + seeding)
                    .containsSubsequence(better, worse);
        }
        return table;
    }

    /**
     * Equal on every S2 criterion before {@code criterion}, ahead on it, behind on the next one and not ahead on any
     * after it: so the criterion decides, and comes before the next one.
     */
    private static void assertOnlyCriterionSeparates(String criterion, StandingsRow better, StandingsRow worse) {
        List<String> criteria = List.copyOf(S2.keySet());
        int decisive = criteria.indexOf(criterion);
        assertThat(decisive).as(criterion).isNotNegative();
        for (int i = 0; i < criteria.size(); i++) {
            String name = criteria.get(i);
            int ofBetter = S2.get(name).applyAsInt(better);
            int ofWorse = S2.get(name).applyAsInt(worse);
            if (i < decisive) {
                assertThat(ofBetter).as(name).isEqualTo(ofWorse);
            } else if (i == decisive) {
                assertThat(ofBetter).as(name).isGreaterThan(ofWorse);
            } else if (i == decisive + 1) {
                assertThat(ofBetter).as(name).isLessThan(ofWorse);
            } else {
                assertThat(ofBetter).as(name).isLessThanOrEqualTo(ofWorse);
            }
        }
    }

    private static List<Integer> counts(StandingsRow row) {
        return List.of(row.played(), row.wins(), row.draws(), row.losses(), row.goalsFor(), row.goalsAgainst(),
                row.goalDifference(), row.awayGoalsFor(), row.awayWins(), row.bonusPoints(), row.points());
    }

    private static LeagueResult match(String home, String away, int homeGoals, int awayGoals) {
        return new LeagueResult(home, away, homeGoals, awayGoals);
    }

    /** Entrants seeded in the order given. */
    private static List<Entrant> entrants(String... participantIds) {
        return IntStream.range(0, participantIds.length)
                .mapToObj(i -> new Entrant(participantIds[i], i + 1)).toList();
    }

    private static StandingsRow row(List<StandingsRow> table, String participantId) {
        return table.stream().filter(row -> row.participantId().equals(participantId)).findFirst().orElseThrow();
    }
}
