package com.streamflix.league.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Validation of imported draws (held elsewhere, e.g. live on stream): D1 and "once per matchday"
 * are conditions, each violation is named; D2's home/away sequences are not.
 */
class FixtureRulesTest {

    private static final List<List<String>> POTS = TestPots.NUMBERED;

    private final List<Fixture> valid = LeagueDraw.draw(POTS, 7L).fixtures();

    @Test
    void aValidDrawHasNoViolations_D1_D2() {
        assertThat(FixtureRules.violations(POTS, valid)).isEmpty();
        assertThat(FixtureRules.sequenceViolations(POTS, valid)).isEmpty();
    }

    @Test
    void aPairMeetingTwiceIsNamedWithEveryCountItBreaks_D1() {
        Fixture first = valid.get(0);
        Fixture replaced = valid.stream()
                .filter(f -> f.matchday() != first.matchday())
                .filter(f -> !involves(f, first.home()) && !involves(f, first.away()))
                .findFirst().orElseThrow();
        List<Fixture> fixtures = replace(valid, replaced, new Fixture(replaced.matchday(), first.away(), first.home()));
        String a = first.home();
        String b = first.away();
        String c = replaced.home();
        String d = replaced.away();
        int day = replaced.matchday();

        assertThat(FixtureRules.violations(POTS, fixtures)).containsExactlyInAnyOrder(
                "D1: " + pairInSlotOrder(a, b) + " meet 2 times; no pair may meet twice",
                "D1: " + b + " hosts 2 opponents from pot " + pot(a) + ", expected 1",
                "D1: " + a + " visits 2 opponents from pot " + pot(b) + ", expected 1",
                "D1: " + c + " hosts 0 opponents from pot " + pot(d) + ", expected 1",
                "D1: " + d + " visits 0 opponents from pot " + pot(c) + ", expected 1",
                "D2: " + a + " plays 2 matches on matchday " + day + ", expected exactly 1",
                "D2: " + b + " plays 2 matches on matchday " + day + ", expected exactly 1",
                "D2: " + c + " plays 0 matches on matchday " + day + ", expected exactly 1",
                "D2: " + d + " plays 0 matches on matchday " + day + ", expected exactly 1");
    }

    @Test
    void aPlayerTwiceOnOneMatchdayIsNamed_D2() {
        Fixture moved = valid.get(0);
        int to = moved.matchday() == 8 ? 1 : moved.matchday() + 1;
        List<Fixture> fixtures = replace(valid, moved, new Fixture(to, moved.home(), moved.away()));

        assertThat(FixtureRules.violations(POTS, fixtures)).containsExactlyInAnyOrder(
                "D2: " + moved.home() + " plays 0 matches on matchday " + moved.matchday() + ", expected exactly 1",
                "D2: " + moved.home() + " plays 2 matches on matchday " + to + ", expected exactly 1",
                "D2: " + moved.away() + " plays 0 matches on matchday " + moved.matchday() + ", expected exactly 1",
                "D2: " + moved.away() + " plays 2 matches on matchday " + to + ", expected exactly 1");
    }

    @Test
    void wrongHomeAndAwayCountsPerPotAreNamed_D1() {
        Fixture flipped = valid.get(0);
        List<Fixture> fixtures = replace(valid, flipped, new Fixture(flipped.matchday(), flipped.away(), flipped.home()));
        String host = flipped.home();
        String guest = flipped.away();

        assertThat(FixtureRules.violations(POTS, fixtures)).containsExactlyInAnyOrder(
                "D1: " + host + " hosts 0 opponents from pot " + pot(guest) + ", expected 1",
                "D1: " + host + " visits 2 opponents from pot " + pot(guest) + ", expected 1",
                "D1: " + guest + " hosts 2 opponents from pot " + pot(host) + ", expected 1",
                "D1: " + guest + " visits 0 opponents from pot " + pot(host) + ", expected 1");
    }

    @Test
    void anUnknownPlayerIsNamedAndItsMatchCountsForNobody_D1() {
        Fixture changed = valid.get(5);
        List<Fixture> fixtures = replace(valid, changed, new Fixture(changed.matchday(), changed.home(), "ghost"));
        String host = changed.home();
        String lost = changed.away();
        int day = changed.matchday();

        assertThat(FixtureRules.violations(POTS, fixtures)).containsExactlyInAnyOrder(
                "D1: fixture 6 (matchday " + day + ", " + host + " v ghost): ghost is not a participant in the pots",
                "D1: " + host + " hosts 0 opponents from pot " + pot(lost) + ", expected 1",
                "D1: " + lost + " visits 0 opponents from pot " + pot(host) + ", expected 1",
                "D2: " + host + " plays 0 matches on matchday " + day + ", expected exactly 1",
                "D2: " + lost + " plays 0 matches on matchday " + day + ", expected exactly 1");
    }

    @Test
    void aMissingFixtureIsNamed_D1() {
        Fixture dropped = valid.get(143);
        List<Fixture> fixtures = new ArrayList<>(valid);
        fixtures.remove(dropped);

        assertThat(FixtureRules.violations(POTS, fixtures)).containsExactlyInAnyOrder(
                "D1: expected 144 fixtures, got 143",
                "D1: " + dropped.home() + " hosts 0 opponents from pot " + pot(dropped.away()) + ", expected 1",
                "D1: " + dropped.away() + " visits 0 opponents from pot " + pot(dropped.home()) + ", expected 1",
                "D2: " + dropped.home() + " plays 0 matches on matchday 8, expected exactly 1",
                "D2: " + dropped.away() + " plays 0 matches on matchday 8, expected exactly 1");
    }

    @Test
    void selfMatchesAndMatchdaysOutsideOneToEightAreNamed_D1_D2() {
        Fixture self = valid.get(0);
        Fixture late = valid.get(1);
        List<Fixture> fixtures = replace(valid, self, new Fixture(self.matchday(), self.home(), self.home()));
        fixtures = replace(fixtures, late, new Fixture(9, late.home(), late.away()));

        assertThat(FixtureRules.violations(POTS, fixtures)).contains(
                "D1: fixture 1 (matchday " + self.matchday() + ", " + self.home() + " v " + self.home()
                        + "): a participant cannot play themself",
                "D2: fixture 2 (matchday 9, " + late.home() + " v " + late.away()
                        + "): matchday must be between 1 and 8");
    }

    @Test
    void homeAwaySequencesAreNotConditionsOnAnImport_D2() {
        List<Fixture> swappedMatchdays = valid.stream()
                .map(f -> new Fixture(f.matchday() == 1 ? 3 : f.matchday() == 3 ? 1 : f.matchday(), f.home(), f.away()))
                .toList();

        assertThat(FixtureRules.violations(POTS, swappedMatchdays)).isEmpty();
        assertThat(FixtureRules.sequenceViolations(POTS, swappedMatchdays)).isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).startsWith("D2: "));
    }

    @Test
    void potsMustBeFourPotsOfNineDistinctIds_D1() {
        assertThatIllegalArgumentException().isThrownBy(() -> LeagueDraw.draw(POTS.subList(0, 3), 1))
                .withMessage("expected 4 pots of 9 participant ids, got 3 pots");
        List<List<String>> shortPot = new ArrayList<>(POTS);
        shortPot.set(1, POTS.get(1).subList(0, 8));
        assertThatIllegalArgumentException().isThrownBy(() -> LeagueDraw.draw(shortPot, 1))
                .withMessage("invalid pots: pot 2 has 8 participants, expected 9");
        List<List<String>> repeated = new ArrayList<>(POTS);
        List<String> lastPot = new ArrayList<>(POTS.get(3));
        lastPot.set(8, "p01");
        repeated.set(3, lastPot);
        assertThatIllegalArgumentException().isThrownBy(() -> FixtureRules.violations(repeated, valid))
                .withMessage("invalid pots: participant p01 appears more than once (pot 1 and pot 4)");
    }

    private static boolean involves(Fixture fixture, String id) {
        return fixture.home().equals(id) || fixture.away().equals(id);
    }

    private static List<Fixture> replace(List<Fixture> fixtures, Fixture old, Fixture replacement) {
        List<Fixture> changed = new ArrayList<>(fixtures);
        changed.set(changed.indexOf(old), replacement);
        return changed;
    }

    private static int pot(String id) {
        return id.charAt(1) - '0' + 1;
    }

    private static String pairInSlotOrder(String a, String b) {
        return a.compareTo(b) < 0 ? a + " and " + b : b + " and " + a;
    }
}
