package com.streamflix.league.predictions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * For any book, {@link Parimutuel#settle} pays exactly the pool (P2) or refunds exactly the wagers (P3), and each
 * winner's share is what exact arithmetic says, computed here independently with {@link BigInteger}. Books are
 * sometimes one-sided, so that nobody picking the winner (P3) comes up too; the list arrives in a different order
 * from the book order.
 */
class ParimutuelPropertyTest {

    private static final String A = "side-a";
    private static final String B = "side-b";
    private static final Comparator<Wager> LARGEST_FIRST_THEN_EARLIER = Comparator.comparingLong(Wager::amount)
            .reversed().thenComparingInt(Wager::order);

    record Book(List<Wager> wagers, String winnerSide, boolean cancelled) {
    }

    @Property(tries = 1000)
    void paysThePoolOrRefundsEveryWager_P2_P3(@ForAll("books") Book book) {
        Settlement settlement = settle(book);
        List<Wager> inBookOrder = inBookOrder(book.wagers());
        long pool = inBookOrder.stream().mapToLong(Wager::amount).sum();

        assertThat(settlement.outcome()).isEqualTo(expectedOutcome(book));
        assertThat(settlement.winnerSide()).isEqualTo(book.winnerSide());
        assertThat(settlement.pool()).isEqualTo(pool);
        assertThat(settlement.payouts()).extracting(Payout::predictionId)
                .containsExactlyElementsOf(inBookOrder.stream().map(Wager::predictionId).toList());
        assertThat(settlement.payouts()).extracting(Payout::userId)
                .containsExactlyElementsOf(inBookOrder.stream().map(Wager::userId).toList());
        assertThat(settlement.payouts()).allSatisfy(payout -> assertThat(payout.amount()).isNotNegative());
        assertThat(settlement.totalPaid()).isEqualTo(pool);
        if (settlement.outcome() != Outcome.PAID) {
            assertThat(settlement.payouts()).extracting(Payout::amount)
                    .containsExactlyElementsOf(inBookOrder.stream().map(Wager::amount).toList());
        }
    }

    @Property(tries = 1000)
    void winnersGetTheirFloorAndTheLargestWagersTheRemainder_P2(@ForAll("books") Book book) {
        Settlement settlement = settle(book);
        if (settlement.outcome() != Outcome.PAID) {
            return;
        }
        List<Wager> inBookOrder = inBookOrder(book.wagers());
        Predicate<Wager> won = wager -> wager.side().equals(book.winnerSide());
        BigInteger pool = BigInteger.valueOf(settlement.pool());
        BigInteger stake = BigInteger.valueOf(inBookOrder.stream().filter(won).mapToLong(Wager::amount).sum());
        List<Wager> winners = inBookOrder.stream().filter(won).sorted(LARGEST_FIRST_THEN_EARLIER).toList();
        long floors = winners.stream()
                .mapToLong(w -> pool.multiply(BigInteger.valueOf(w.amount())).divide(stake).longValueExact()).sum();
        long remainder = settlement.pool() - floors;
        assertThat(remainder).isNotNegative().isLessThan(winners.size());

        for (int i = 0; i < inBookOrder.size(); i++) {
            Wager wager = inBookOrder.get(i);
            long paid = settlement.payouts().get(i).amount();
            if (!won.test(wager)) {
                assertThat(paid).as("loser %s", wager.predictionId()).isZero();
                continue;
            }
            long floor = pool.multiply(BigInteger.valueOf(wager.amount())).divide(stake).longValueExact();
            long roundedUp = winners.indexOf(wager) < remainder ? 1 : 0;
            assertThat(paid).as("winner %s", wager.predictionId()).isEqualTo(floor + roundedUp);
            assertThat(paid).as("a winner gets back at least the stake").isGreaterThanOrEqualTo(wager.amount());
        }
    }

    @Property(tries = 1000)
    void theListOrderDoesNotMatterOnlyTheBookOrder_P2_P3(@ForAll("books") Book book, @ForAll long seed) {
        List<Wager> shuffled = new ArrayList<>(book.wagers());
        Collections.shuffle(shuffled, new Random(seed));

        assertThat(Parimutuel.settle(shuffled, A, B, book.winnerSide(), book.cancelled())).isEqualTo(settle(book));
    }

    @Provide
    Arbitrary<Book> books() {
        Arbitrary<List<Wager>> wagers = Combinators.combine(Arbitraries.integers().between(1, 500),
                Arbitraries.integers().between(0, 10)).flatAs((size, shareOnA) -> {
                    Arbitrary<String> side = Arbitraries.frequency(Tuple.of(shareOnA, A), Tuple.of(10 - shareOnA, B));
                    Arbitrary<Long> amount = Arbitraries.longs().between(1, 10_000);
                    Arbitrary<List<Integer>> orders = Arbitraries.shuffle(IntStream.range(0, size).boxed().toList());
                    return Combinators.combine(side.list().ofSize(size), amount.list().ofSize(size), orders)
                            .as((sides, amounts, places) -> IntStream.range(0, size)
                                    .mapToObj(i -> new Wager("p" + i, "u" + (i % 37), sides.get(i), amounts.get(i),
                                            places.get(i)))
                                    .toList());
                });
        Arbitrary<String> winner = Arbitraries.of(A, B).injectNull(0.2);
        Arbitrary<Boolean> cancelled = Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true));
        return Combinators.combine(wagers, winner, cancelled).as(Book::new);
    }

    private static Settlement settle(Book book) {
        return Parimutuel.settle(book.wagers(), A, B, book.winnerSide(), book.cancelled());
    }

    private static Outcome expectedOutcome(Book book) {
        if (book.cancelled()) {
            return Outcome.REFUNDED_CANCELLED;
        }
        if (book.winnerSide() == null) {
            return Outcome.REFUNDED_DRAW;
        }
        boolean somebodyWon = book.wagers().stream().anyMatch(w -> w.side().equals(book.winnerSide()));
        return somebodyWon ? Outcome.PAID : Outcome.REFUNDED_NO_WINNER;
    }

    private static List<Wager> inBookOrder(List<Wager> wagers) {
        return wagers.stream().sorted(Comparator.comparingInt(Wager::order)).toList();
    }

}
