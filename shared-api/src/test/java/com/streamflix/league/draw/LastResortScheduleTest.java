package com.streamflix.league.draw;

import static com.streamflix.league.draw.LeagueDrawPropertyTest.oncePerMatchdayWithAnAllowedHomeAwaySequence_D2;
import static com.streamflix.league.draw.LeagueDrawPropertyTest.twoOpponentsFromEveryPotOneHomeOneAway_D1;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;

/** D3's backstop: the fixed template, relabelled within pots, is valid for any pots and seed. */
class LastResortScheduleTest {

    private static final LeagueDraw.Limits NO_SEARCH_AT_ALL = new LeagueDraw.Limits(0, 0, 0);

    @Property(tries = 1_000)
    void theLastResortAloneMeetsD1AndD2ForAnyPots_D1_D2_D3(
            @ForAll long seed,
            @ForAll @From(supplier = TestPots.Shuffled.class) List<List<String>> pots) {
        LeagueDraw.Run run = LeagueDraw.run(pots, seed, NO_SEARCH_AT_ALL);

        assertThat(run.lastResort()).isTrue();
        List<Fixture> fixtures = run.result().fixtures();
        assertThat(twoOpponentsFromEveryPotOneHomeOneAway_D1(pots, fixtures)).isEmpty();
        assertThat(oncePerMatchdayWithAnAllowedHomeAwaySequence_D2(pots, fixtures)).isEmpty();
        assertThat(FixtureRules.violations(pots, fixtures)).isEmpty();
        assertThat(FixtureRules.sequenceViolations(pots, fixtures)).isEmpty();
        assertThat(LeagueDraw.run(pots, seed, NO_SEARCH_AT_ALL)).isEqualTo(run);
    }

    @Property(tries = 200)
    void aSearchOutOfBudgetFallsBackInsteadOfFailing_D3(
            @ForAll long seed,
            @ForAll @From(supplier = TestPots.Shuffled.class) List<List<String>> pots) {
        LeagueDraw.Run run = LeagueDraw.run(pots, seed, new LeagueDraw.Limits(5, 2, 2));

        assertThat(run.lastResort()).isTrue();
        assertThat(run.graphDraws()).isEqualTo(2);
        assertThat(FixtureRules.violations(pots, run.result().fixtures())).isEmpty();
        assertThat(FixtureRules.sequenceViolations(pots, run.result().fixtures())).isEmpty();
    }
}
