package com.streamflix.league.standings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any results, {@link LeagueTable#rank} is the strict order {@link LeagueTable#RANKING} gives (S2: seeding
 * always separates, so no shared ranks), whatever order the input comes in, and the counts add up as bookkeeping
 * demands. Few goals per match, so that ties reach the late criteria.
 */
class LeagueTablePropertyTest {

    record Season(List<Entrant> entrants, List<LeagueResult> results, Map<String, Integer> bonusPoints) {
    }

    @Property
    void rankIsTheStrictOrderOfRanking_S2_S3(@ForAll("seasons") Season season) {
        List<StandingsRow> table = LeagueTable.rank(season.entrants(), season.results(), season.bonusPoints());

        assertThat(table).extracting(StandingsRow::participantId).containsExactlyInAnyOrderElementsOf(
                season.entrants().stream().map(Entrant::participantId).toList());
        for (int i = 0; i < table.size(); i++) {
            assertThat(table.get(i).rank()).isEqualTo(i + 1);
            assertThat(table.get(i).zone()).isEqualTo(Zone.ofRank(i + 1));
            for (int j = i + 1; j < table.size(); j++) {
                assertThat(LeagueTable.RANKING.compare(table.get(i), table.get(j))).isNegative();
                assertThat(LeagueTable.RANKING.compare(table.get(j), table.get(i))).isPositive();
            }
        }
        assertThat(LeagueTable.rank(reversed(season.entrants()), reversed(season.results()), season.bonusPoints()))
                .isEqualTo(table);
    }

    @Property
    void countsAddUp_S1(@ForAll("seasons") Season season) {
        List<StandingsRow> table = LeagueTable.rank(season.entrants(), season.results(), season.bonusPoints());

        assertThat(sum(table, StandingsRow::goalsFor)).isEqualTo(sum(table, StandingsRow::goalsAgainst));
        assertThat(sum(table, StandingsRow::wins)).isEqualTo(sum(table, StandingsRow::losses));
        assertThat(sum(table, StandingsRow::played)).isEqualTo(2 * season.results().size());
        for (StandingsRow row : table) {
            assertThat(row.played()).isEqualTo(row.wins() + row.draws() + row.losses());
            assertThat(row.goalDifference()).isEqualTo(row.goalsFor() - row.goalsAgainst());
            assertThat(row.points()).isEqualTo(3 * row.wins() + row.draws() + row.bonusPoints());
            assertThat(row.bonusPoints()).isEqualTo(season.bonusPoints().getOrDefault(row.participantId(), 0));
        }
        // Every match hands each side's totals to the other side's opponents' criteria, once.
        assertThat(sum(table, StandingsRow::opponentsPoints)).isEqualTo(sum(table, row -> row.points() * row.played()));
        assertThat(sum(table, StandingsRow::opponentsGoalDifference))
                .isEqualTo(sum(table, row -> row.goalDifference() * row.played()));
        assertThat(sum(table, StandingsRow::opponentsGoalsFor)).isEqualTo(sum(table, row -> row.goalsFor() * row.played()));
    }

    @Provide
    Arbitrary<Season> seasons() {
        return Arbitraries.integers().between(2, 36).flatMap(size -> {
            List<String> ids = IntStream.rangeClosed(1, size).mapToObj(i -> "p" + i).toList();
            Arbitrary<String> anyone = Arbitraries.of(ids);
            Arbitrary<Integer> goals = Arbitraries.integers().between(0, 3);
            Arbitrary<LeagueResult> result = Combinators.combine(anyone, anyone, goals, goals)
                    .filter((home, away, homeGoals, awayGoals) -> !home.equals(away))
                    .as(LeagueResult::new);
            Arbitrary<List<Entrant>> entrants = Arbitraries.shuffle(IntStream.rangeClosed(1, size).boxed().toList())
                    .map(seeds -> IntStream.range(0, size).mapToObj(i -> new Entrant(ids.get(i), seeds.get(i))).toList());
            return Combinators.combine(entrants, result.list().ofMaxSize(4 * size),
                    Arbitraries.maps(anyone, Arbitraries.integers().between(0, 3)).ofMaxSize(size)).as(Season::new);
        });
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        Collections.reverse(copy);
        return copy;
    }

    private static int sum(List<StandingsRow> table, ToIntFunction<StandingsRow> value) {
        return table.stream().mapToInt(value).sum();
    }
}
