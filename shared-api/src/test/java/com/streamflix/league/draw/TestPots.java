package com.streamflix.league.draw;

import java.util.List;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;

/** Pots for the draw's tests. */
final class TestPots {

    /** p01–p09 in pot 1, p11–p19 in pot 2, p21–p29 in pot 3, p31–p39 in pot 4. */
    static final List<List<String>> NUMBERED = IntStream.range(0, 4)
            .mapToObj(pot -> IntStream.rangeClosed(1, 9).mapToObj(place -> "p" + pot + place).toList())
            .toList();

    private TestPots() {
    }

    /** 36 distinct random ids, shuffled into 4 pots of 9: any roster, any seeding. */
    static final class Shuffled implements ArbitrarySupplier<List<List<String>>> {

        @Override
        public Arbitrary<List<List<String>>> get() {
            return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)
                    .list().ofSize(Pots.PARTICIPANTS).uniqueElements()
                    .map(ids -> List.of(
                            ids.subList(0, 9), ids.subList(9, 18), ids.subList(18, 27), ids.subList(27, 36)));
        }
    }
}
