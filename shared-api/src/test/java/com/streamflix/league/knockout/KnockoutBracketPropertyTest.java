package com.streamflix.league.knockout;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The invariants of ucl-format.md §6 (K1, K2), for any ranking of 36 and any seed, along a whole knockout phase played
 * with random winners. The read model's "could still fill" sets are checked to be sound at every step: whoever ends
 * up in a slot was among its candidates all along.
 */
class KnockoutBracketPropertyTest {

    @Provide
    Arbitrary<List<String>> rankings() {
        return Arbitraries.shuffle(KnockoutBracketTest.RANKING);
    }

    @Property(tries = 2_000)
    void aWholeKnockoutPhaseMeetsTheBracketInvariants_K1_K2(
            @ForAll("rankings") List<String> ranking, @ForAll long seed, @ForAll long resultsSeed) {
        KnockoutBracket bracket = KnockoutBracket.draw(ranking, seed);
        SplittableRandom results = new SplittableRandom(resultsSeed);
        Map<String, String> winners = new HashMap<>();
        Map<Slot, List<Set<String>>> shownOverTime = new HashMap<>();
        List<TiePairing> ties = new ArrayList<>();

        for (Slot slot : Slot.all()) {
            for (Slot open : Slot.all()) {
                shownOverTime.computeIfAbsent(open, s -> new ArrayList<>()).add(bracket.couldFill(open, winners));
            }
            TiePairing tie = bracket.pairing(slot, winners);
            assertThat(tie).as("%s is known once the earlier rounds are played", slot).isNotNull();
            ties.add(tie);
            winners.put(slot.name(), results.nextBoolean() ? tie.better() : tie.worse());
        }

        for (TiePairing tie : ties) {
            for (Set<String> shown : shownOverTime.get(tie.slot())) {
                assertThat(shown).as("candidates shown for %s", tie.slot()).containsAll(tie.participants());
            }
        }
        eachHalfHoldsOneMemberOfEveryPair_K1(bracket);
        seededPairMeetsTheWinnerOfItsPlayOff_K2(bracket, ties);
        pairMembersMeetOnlyInTheFinal_K1_K2(bracket, ties);
        topSeedsMeetEachOtherLate_K2(bracket, ties);
        betterPlacedHostsLegTwo_K2(bracket, ties, winners);
        twentyThreeTiesAndFortyFiveMatches_K2(ties);
        assertThat(KnockoutBracket.draw(List.copyOf(ranking), seed)).as("same seed, same bracket (D4)")
                .isEqualTo(bracket).satisfies(again -> {
                    for (Slot slot : Slot.all()) {
                        assertThat(again.first(slot)).isEqualTo(bracket.first(slot));
                        assertThat(again.second(slot)).isEqualTo(bracket.second(slot));
                    }
                });
    }

    @Property(tries = 1_000)
    void beforeAnyResultASlotShowsItsWholeSubtreeFromItsOwnHalf_K1_K2(@ForAll("rankings") List<String> ranking, @ForAll long seed) {
        KnockoutBracket bracket = KnockoutBracket.draw(ranking, seed);
        Map<Round, Integer> expected = Map.of(Round.PLAYOFF, 2, Round.ROUND_OF_16, 3, Round.QUARTER_FINAL, 6,
                Round.SEMI_FINAL, 12, Round.FINAL, 24);
        for (Slot slot : Slot.all()) {
            Set<String> shown = bracket.couldFill(slot, Map.of());
            assertThat(shown).as(slot.name()).hasSize(expected.get(slot.round()));
            if (slot.side() != null) {
                assertThat(slot.side() == Side.S ? bracket.sideS() : bracket.sideB()).as(slot.name())
                        .containsAll(shown);
            }
        }
    }

    /** K1: sides S and B each hold exactly one of places 2k-1, 2k, for every pair 1/2 … 23/24. */
    private static void eachHalfHoldsOneMemberOfEveryPair_K1(KnockoutBracket bracket) {
        for (int pair = 1; pair <= 12; pair++) {
            assertThat(bracket.sideOf(2 * pair - 1)).isNotEqualTo(bracket.sideOf(2 * pair));
        }
        assertThat(bracket.sideS()).hasSize(12).doesNotContainAnyElementsOf(bracket.sideB());
        assertThat(bracket.sideB()).hasSize(12);
        Set<String> both = new HashSet<>(bracket.sideS());
        both.addAll(bracket.sideB());
        assertThat(both).containsExactlyInAnyOrderElementsOf(bracket.ranking().subList(0, 24));
    }

    /** K2: seeded pair k (places 2k-1, 2k) meets the winner of {17-2k, 18-2k} v {15+2k, 16+2k}, within its half. */
    private static void seededPairMeetsTheWinnerOfItsPlayOff_K2(KnockoutBracket bracket, List<TiePairing> ties) {
        for (TiePairing tie : ties) {
            if (tie.slot().round() != Round.ROUND_OF_16) {
                continue;
            }
            int seeded = bracket.placeOf(tie.better());
            int k = (seeded + 1) / 2;
            assertThat(seeded).isBetween(1, 8);
            assertThat(bracket.placeOf(tie.worse())).isIn(17 - 2 * k, 18 - 2 * k, 15 + 2 * k, 16 + 2 * k);
            Slot playoff = Slot.of(bracket.second(tie.slot()).winnerOf());
            TiePairing played = ties.stream().filter(t -> t.slot().equals(playoff)).findFirst().orElseThrow();
            assertThat(bracket.placeOf(played.better())).isIn(17 - 2 * k, 18 - 2 * k);
            assertThat(bracket.placeOf(played.worse())).isIn(15 + 2 * k, 16 + 2 * k);
            assertThat(bracket.sideOf(seeded)).isEqualTo(tie.slot().side()).isEqualTo(playoff.side());
        }
    }

    /** K1/K2: two members of one pair never meet before the final. */
    private static void pairMembersMeetOnlyInTheFinal_K1_K2(KnockoutBracket bracket, List<TiePairing> ties) {
        for (TiePairing tie : ties) {
            if (tie.slot().round() != Round.FINAL) {
                assertThat(pair(bracket, tie.better())).as(tie.toString()).isNotEqualTo(pair(bracket, tie.worse()));
            }
        }
    }

    /** K2: a 1/2 team meets a 7/8 team in a quarter-final at the earliest, a 3/4 or 5/6 team in a semi-final. */
    private static void topSeedsMeetEachOtherLate_K2(KnockoutBracket bracket, List<TiePairing> ties) {
        for (TiePairing tie : ties) {
            Set<Integer> pairs = new HashSet<>(List.of(pair(bracket, tie.better()), pair(bracket, tie.worse())));
            if (pairs.contains(1) && pairs.contains(4)) {
                assertThat(tie.slot().round()).as(tie.toString()).isGreaterThanOrEqualTo(Round.QUARTER_FINAL);
            }
            if (pairs.contains(1) && (pairs.contains(2) || pairs.contains(3))) {
                assertThat(tie.slot().round()).as(tie.toString()).isGreaterThanOrEqualTo(Round.SEMI_FINAL);
            }
        }
    }

    /** K2: in two-legged ties the better league place is {@code better} (hosts leg 2); the final names SF-S first. */
    private static void betterPlacedHostsLegTwo_K2(KnockoutBracket bracket, List<TiePairing> ties,
            Map<String, String> winners) {
        for (TiePairing tie : ties) {
            if (tie.slot().round().twoLegged()) {
                assertThat(bracket.placeOf(tie.better())).as(tie.toString()).isLessThan(bracket.placeOf(tie.worse()));
                assertThat(tie.hostOfLeg(2)).isEqualTo(tie.better());
                assertThat(tie.hostOfLeg(1)).isEqualTo(tie.worse());
            } else {
                assertThat(tie.better()).isEqualTo(winners.get("SF-S"));
                assertThat(tie.worse()).isEqualTo(winners.get("SF-B"));
                assertThat(tie.hostOfLeg(1)).isNull();
            }
        }
    }

    /** ucl-format §6: 8 + 8 + 4 + 2 + 1 = 23 ties; 16 + 16 + 8 + 4 + 1 = 45 knockout matches. */
    private static void twentyThreeTiesAndFortyFiveMatches_K2(List<TiePairing> ties) {
        assertThat(ties).hasSize(23);
        assertThat(ties.stream().mapToInt(tie -> tie.slot().round().legs()).sum()).isEqualTo(45);
        assertThat(ties.stream().filter(tie -> tie.slot().round().twoLegged()).count()).isEqualTo(22);
        Map<Round, Integer> perRound = new HashMap<>();
        ties.forEach(tie -> perRound.merge(tie.slot().round(), 1, Integer::sum));
        assertThat(perRound).containsExactlyInAnyOrderEntriesOf(Map.of(Round.PLAYOFF, 8, Round.ROUND_OF_16, 8,
                Round.QUARTER_FINAL, 4, Round.SEMI_FINAL, 2, Round.FINAL, 1));
    }

    /** 1 for places 1/2, 2 for 3/4, …, 12 for 23/24. */
    private static int pair(KnockoutBracket bracket, String participant) {
        return (bracket.placeOf(participant) + 1) / 2;
    }
}
