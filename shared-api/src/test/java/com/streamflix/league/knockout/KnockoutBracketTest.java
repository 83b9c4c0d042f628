package com.streamflix.league.knockout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * K1/K2 against the design page: the worked example of ucl-format.md §6 slot by slot, the halves draw exactly as its
 * Javadoc says (so an auditor's re-implementation agrees), and what the read model shows while slots are open.
 */
class KnockoutBracketTest {

    static final List<String> RANKING = IntStream.rangeClosed(1, 36).mapToObj(KnockoutBracketTest::id).toList();

    /** ucl-format.md §6, copied verbatim: the example draw outcome and its table. */
    private static final List<Integer> EXAMPLE_SIDE_S = List.of(10, 12, 13, 16, 23, 21, 20, 17, 1, 4, 6, 7);
    private static final String EXAMPLE_TABLE = """
            | PO-S1 | 10 v 23 | PO-B1 | 9 v 24 |
            | PO-S2 | 12 v 21 | PO-B2 | 11 v 22 |
            | PO-S3 | 13 v 20 | PO-B3 | 14 v 19 |
            | PO-S4 | 16 v 17 | PO-B4 | 15 v 18 |
            | R16-S1 | 1 v winner PO-S4 | R16-B1 | 2 v winner PO-B4 |
            | R16-S2 | 7 v winner PO-S1 | R16-B2 | 8 v winner PO-B1 |
            | R16-S3 | 4 v winner PO-S3 | R16-B3 | 3 v winner PO-B3 |
            | R16-S4 | 6 v winner PO-S2 | R16-B4 | 5 v winner PO-B2 |
            | QF-S1 | winner R16-S1 v winner R16-S2 | QF-B1 | winner R16-B1 v winner R16-B2 |
            | QF-S2 | winner R16-S3 v winner R16-S4 | QF-B2 | winner R16-B3 v winner R16-B4 |
            | SF-S | winner QF-S1 v winner QF-S2 | SF-B | winner QF-B1 v winner QF-B2 |
            | Final | winner SF-S v winner SF-B | | |
            """;

    static String id(int place) {
        return "P%02d".formatted(place);
    }

    private static KnockoutBracket example() {
        return KnockoutBracket.withSideS(RANKING, 0, EXAMPLE_SIDE_S);
    }

    @Test
    void workedExampleOfUclFormatSection6SlotBySlot_K1_K2() {
        KnockoutBracket bracket = example();
        Map<Slot, List<Entry>> table = parseTable();

        assertThat(table.keySet()).containsExactlyInAnyOrderElementsOf(Slot.all());
        for (Slot slot : Slot.all()) {
            assertThat(List.of(bracket.first(slot), bracket.second(slot))).as(slot.name()).isEqualTo(table.get(slot));
        }
        assertThat(bracket.sideSPlaces()).containsExactly(1, 4, 6, 7, 10, 12, 13, 16, 17, 20, 21, 23);
        assertThat(bracket.sideS()).containsExactly(id(1), id(4), id(6), id(7), id(10), id(12), id(13), id(16), id(17),
                id(20), id(21), id(23));
        assertThat(bracket.sideB()).containsExactly(id(2), id(3), id(5), id(8), id(9), id(11), id(14), id(15), id(18),
                id(19), id(22), id(24));
    }

    @Test
    void playOffTiesKnownAtSeedingWithTheSeededTeamHostingLegTwo_K1_K2() {
        assertThat(example().playoffTies()).containsExactly(
                new TiePairing(Slot.of("PO-S1"), id(10), id(23)), new TiePairing(Slot.of("PO-S2"), id(12), id(21)),
                new TiePairing(Slot.of("PO-S3"), id(13), id(20)), new TiePairing(Slot.of("PO-S4"), id(16), id(17)),
                new TiePairing(Slot.of("PO-B1"), id(9), id(24)), new TiePairing(Slot.of("PO-B2"), id(11), id(22)),
                new TiePairing(Slot.of("PO-B3"), id(14), id(19)), new TiePairing(Slot.of("PO-B4"), id(15), id(18)));
        TiePairing tie = example().playoffTies().get(0);
        assertThat(tie.hostOfLeg(1)).isEqualTo(id(23));
        assertThat(tie.hostOfLeg(2)).isEqualTo(id(10));
    }

    @Test
    void betterPlacedHostsLegTwoEvenWhenTheFirstNamedEntryIsWorse_K2() {
        KnockoutBracket bracket = example();
        Map<String, String> winners = new HashMap<>(Map.of("PO-S4", id(16), "PO-S1", id(10)));
        winners.put("R16-S1", id(16));
        winners.put("R16-S2", id(7));

        TiePairing quarterFinal = bracket.pairing(Slot.of("QF-S1"), winners);

        assertThat(quarterFinal).isEqualTo(new TiePairing(Slot.of("QF-S1"), id(7), id(16)));
        assertThat(quarterFinal.hostOfLeg(2)).isEqualTo(id(7));
    }

    @Test
    void theFinalNamesSideSFirstAndHasNoHomeSide_K2() {
        KnockoutBracket bracket = example();
        Map<String, String> winners = playThrough(bracket, Map.of("SF-S", id(23), "SF-B", id(2)));

        TiePairing fin = bracket.pairing(Slot.of("FINAL"), winners);

        assertThat(fin).isEqualTo(new TiePairing(Slot.of("FINAL"), id(23), id(2)));
        assertThat(fin.hostOfLeg(1)).isNull();
        assertThatThrownBy(() -> fin.hostOfLeg(2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void openSlotsShowEveryoneWhoCouldStillReachThem_K2() {
        KnockoutBracket bracket = example();
        Map<String, String> none = Map.of();

        assertThat(bracket.pairing(Slot.of("R16-S1"), none)).isNull();
        assertThat(bracket.couldFill(Slot.of("R16-S1"), none)).containsExactly(id(1), id(16), id(17));
        assertThat(bracket.candidates(Slot.of("R16-S1"), bracket.second(Slot.of("R16-S1")), none))
                .containsExactly(id(16), id(17));
        assertThat(bracket.couldFill(Slot.of("QF-S1"), none)).containsExactly(id(1), id(7), id(10), id(16), id(17),
                id(23));
        assertThat(bracket.couldFill(Slot.of("SF-B"), none)).containsExactlyElementsOf(bracket.sideB());
        assertThat(bracket.couldFill(Slot.of("FINAL"), none)).containsExactlyElementsOf(RANKING.subList(0, 24));

        Map<String, String> someDecided = Map.of("PO-S4", id(17), "PO-S1", id(10));
        assertThat(bracket.couldFill(Slot.of("QF-S1"), someDecided)).containsExactly(id(1), id(7), id(10), id(17));
        assertThat(bracket.pairing(Slot.of("R16-S1"), someDecided))
                .isEqualTo(new TiePairing(Slot.of("R16-S1"), id(1), id(17)));
    }

    @Test
    void aWinnerWhoWasNotInTheTieIsRefused_K2() {
        KnockoutBracket bracket = example();

        assertThatThrownBy(() -> bracket.pairing(Slot.of("R16-S1"), Map.of("PO-S4", id(9))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bracket.couldFill(Slot.of("SF-S"), Map.of("R16-S1", id(1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bracket.candidates(Slot.of("R16-S1"), Entry.place(2), Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void winnersMoveOnAlongTheBracket_K2() {
        Map<String, String> next = new LinkedHashMap<>();
        for (Slot slot : Slot.all()) {
            Slot to = KnockoutBracket.next(slot);
            next.put(slot.name(), to == null ? "-" : to.name());
        }
        assertThat(next).containsExactly(
                Map.entry("PO-S1", "R16-S2"), Map.entry("PO-S2", "R16-S4"), Map.entry("PO-S3", "R16-S3"),
                Map.entry("PO-S4", "R16-S1"), Map.entry("PO-B1", "R16-B2"), Map.entry("PO-B2", "R16-B4"),
                Map.entry("PO-B3", "R16-B3"), Map.entry("PO-B4", "R16-B1"), Map.entry("R16-S1", "QF-S1"),
                Map.entry("R16-S2", "QF-S1"), Map.entry("R16-S3", "QF-S2"), Map.entry("R16-S4", "QF-S2"),
                Map.entry("R16-B1", "QF-B1"), Map.entry("R16-B2", "QF-B1"), Map.entry("R16-B3", "QF-B2"),
                Map.entry("R16-B4", "QF-B2"), Map.entry("QF-S1", "SF-S"), Map.entry("QF-S2", "SF-S"),
                Map.entry("QF-B1", "SF-B"), Map.entry("QF-B2", "SF-B"), Map.entry("SF-S", "FINAL"),
                Map.entry("SF-B", "FINAL"), Map.entry("FINAL", "-"));
    }

    @Test
    void slotsAreTheTwentyThreeNamedInTheDesign_K2() {
        assertThat(Slot.all()).extracting(Slot::name).containsExactly("PO-S1", "PO-S2", "PO-S3", "PO-S4", "PO-B1",
                "PO-B2", "PO-B3", "PO-B4", "R16-S1", "R16-S2", "R16-S3", "R16-S4", "R16-B1", "R16-B2", "R16-B3",
                "R16-B4", "QF-S1", "QF-S2", "QF-B1", "QF-B2", "SF-S", "SF-B", "FINAL");
        assertThat(Slot.of("QF-B2")).isEqualTo(new Slot("QF-B2", Round.QUARTER_FINAL, Side.B));
        assertThat(Slot.of("FINAL").side()).isNull();
        for (String bad : List.of("PO-S5", "PO-S0", "QF-S", "SF-S1", "R16-S12", "Final", "")) {
            assertThatThrownBy(() -> Slot.of(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new Slot("SF-S", Round.SEMI_FINAL, Side.B)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Slot("FINAL", Round.FINAL, Side.S)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void entrySlotIsThePlayOffOrTheRoundOf16AndNothingFrom25_S3_K1() {
        KnockoutBracket bracket = example();
        assertThat(bracket.entrySlot(id(1))).isEqualTo(Slot.of("R16-S1"));
        assertThat(bracket.entrySlot(id(8))).isEqualTo(Slot.of("R16-B2"));
        assertThat(bracket.entrySlot(id(24))).isEqualTo(Slot.of("PO-B1"));
        assertThat(bracket.entrySlot(id(25))).isNull();
    }

    /** The Javadoc's recipe, written out independently: pair i's side is the top bit of SplitMix64(seed)'s i+1-th output. */
    @Test
    void halvesDrawIsExactlyTheDocumentedSplitMix64Recipe_K1_D4() {
        for (long seed : new long[] {0, 1, -1, 42, 20_240_829L, Long.MIN_VALUE, Long.MAX_VALUE}) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                long z = seed + (i + 1) * 0x9E3779B97F4A7C15L;
                z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
                z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
                z = z ^ (z >>> 31);
                expected.add(z < 0 ? 2 * i + 1 : 2 * i + 2);
            }
            assertThat(KnockoutBracket.draw(RANKING, seed).sideSPlaces()).as("seed " + seed).isEqualTo(expected);
        }
    }

    /** Pins a seed's outcome: if this changes, so must {@link KnockoutBracket#ENGINE_VERSION}. */
    @Test
    void aRecordedSeedKeepsItsOutcome_K1_D4() {
        assertThat(KnockoutBracket.ENGINE_VERSION).isEqualTo("knockout-1");
        assertThat(KnockoutBracket.draw(RANKING, 20_240_829L).sideSPlaces())
                .containsExactly(2, 3, 5, 7, 9, 11, 14, 16, 17, 19, 22, 23);
    }

    @Test
    void rankingMustHoldTwentyFourDistinctIds_K1() {
        assertThatThrownBy(() -> KnockoutBracket.draw(RANKING.subList(0, 23), 1))
                .isInstanceOf(IllegalArgumentException.class);
        List<String> twice = new ArrayList<>(RANKING);
        twice.set(30, id(3));
        assertThatThrownBy(() -> KnockoutBracket.draw(twice, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(KnockoutBracket.draw(RANKING.subList(0, 24), 1).sideSPlaces())
                .isEqualTo(KnockoutBracket.draw(RANKING, 1).sideSPlaces());
        assertThatThrownBy(() -> KnockoutBracket.withSideS(RANKING, 0, Set.of(1, 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<Slot, List<Entry>> parseTable() {
        Map<Slot, List<Entry>> table = new HashMap<>();
        for (String line : EXAMPLE_TABLE.strip().split("\n")) {
            String[] cells = line.split("\\|");
            for (int c = 1; c + 1 < cells.length; c += 2) {
                String name = cells[c].strip();
                if (!name.isEmpty()) {
                    String[] sides = cells[c + 1].strip().split(" v ");
                    table.put(Slot.of(name.equals("Final") ? "FINAL" : name), List.of(parse(sides[0]), parse(sides[1])));
                }
            }
        }
        return table;
    }

    private static Entry parse(String side) {
        return side.startsWith("winner ") ? Entry.winner(Slot.of(side.substring(7))) : Entry.place(Integer.parseInt(side));
    }

    /** Decides every tie up to the semi-finals so that the given winners get there (the better place wins otherwise). */
    private static Map<String, String> playThrough(KnockoutBracket bracket, Map<String, String> forced) {
        Map<String, String> winners = new HashMap<>();
        for (Slot slot : Slot.all()) {
            if (slot.round() == Round.FINAL) {
                break;
            }
            TiePairing tie = bracket.pairing(slot, winners);
            String target = forced.values().stream().filter(tie::involves).findFirst().orElse(tie.better());
            winners.put(slot.name(), target);
        }
        return winners;
    }
}
