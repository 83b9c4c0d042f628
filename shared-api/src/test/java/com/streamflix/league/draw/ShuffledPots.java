package com.streamflix.league.draw;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ArbitrarySupplier;

/** 36 distinct random ids, shuffled into 4 pots of 9: any roster, any seeding. */
class ShuffledPots implements ArbitrarySupplier<List<List<String>>> {

    @Override
    public Arbitrary<List<List<String>>> get() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12)
                .list().ofSize(Pots.PARTICIPANTS).uniqueElements()
                .map(ids -> List.of(ids.subList(0, 9), ids.subList(9, 18), ids.subList(18, 27), ids.subList(27, 36)));
    }
}
