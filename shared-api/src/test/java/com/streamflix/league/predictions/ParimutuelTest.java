package com.streamflix.league.predictions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Worked examples of the parimutuel settlement, one rule (P2, P3) per test. */
class ParimutuelTest {

    private static final String X = "team-x";
    private static final String Y = "team-y";

    @Test
    void poolGoesProRataToTheWinners_P2() {
        List<Wager> book = List.of(wager("p1", X, 100, 0), wager("p2", X, 50, 1), wager("p3", Y, 30, 2));

        Settlement settlement = Parimutuel.settle(book, X, Y, X, false);

        assertThat(settlement.outcome()).isEqualTo(Outcome.PAID);
        assertThat(settlement.winnerSide()).isEqualTo(X);
        assertThat(settlement.pool()).isEqualTo(180);
        assertThat(settlement.payouts()).containsExactly(
                new Payout("p1", "user-p1", 120), new Payout("p2", "user-p2", 60), new Payout("p3", "user-p3", 0));
        assertThat(settlement.totalPaid()).isEqualTo(180);
    }

    /**
     * Pool 18 over a winning stake of 10: floors 1, 5, 5, 5 leave 2 points. The 1-point wager has the largest
     * fraction (0.8) but not the largest wager, so the points go to the 3-point wagers placed first and second.
     */
    @Test
    void remainderGoesToTheLargestWagersEarlierFirst_P2() {
        List<Wager> book = List.of(wager("late", X, 3, 3), wager("loser", Y, 8, 4), wager("second", X, 3, 2),
                wager("small", X, 1, 0), wager("first", X, 3, 1));

        Settlement settlement = Parimutuel.settle(book, X, Y, X, false);

        assertThat(settlement.outcome()).isEqualTo(Outcome.PAID);
        assertThat(settlement.payouts()).containsExactly(new Payout("small", "user-small", 1),
                new Payout("first", "user-first", 6), new Payout("second", "user-second", 6),
                new Payout("late", "user-late", 5), new Payout("loser", "user-loser", 0));
        assertThat(settlement.totalPaid()).isEqualTo(settlement.pool()).isEqualTo(18);
    }

    @Test
    void aLoneWinnerTakesTheWholePool_P2() {
        List<Wager> book = List.of(wager("p1", Y, 7, 0), wager("p2", X, 1, 1), wager("p3", Y, 5, 2));

        Settlement settlement = Parimutuel.settle(book, X, Y, X, false);

        assertThat(settlement.payouts()).extracting(Payout::amount).containsExactly(0L, 13L, 0L);
    }

    @Test
    void aDrawRefundsEveryone_P3() {
        List<Wager> book = List.of(wager("p1", X, 100, 0), wager("p2", Y, 30, 1));

        Settlement settlement = Parimutuel.settle(book, X, Y, null, false);

        assertThat(settlement.outcome()).isEqualTo(Outcome.REFUNDED_DRAW);
        assertThat(settlement.winnerSide()).isNull();
        assertThat(settlement.payouts()).containsExactly(new Payout("p1", "user-p1", 100), new Payout("p2", "user-p2", 30));
        assertThat(settlement.totalPaid()).isEqualTo(settlement.pool()).isEqualTo(130);
    }

    @Test
    void nobodyPickedTheWinnerRefundsEveryone_P3() {
        List<Wager> book = List.of(wager("p1", Y, 100, 0), wager("p2", Y, 30, 1));

        Settlement settlement = Parimutuel.settle(book, X, Y, X, false);

        assertThat(settlement.outcome()).isEqualTo(Outcome.REFUNDED_NO_WINNER);
        assertThat(settlement.winnerSide()).isEqualTo(X);
        assertThat(settlement.payouts()).containsExactly(new Payout("p1", "user-p1", 100), new Payout("p2", "user-p2", 30));
    }

    @Test
    void cancelledRefunds_P3() {
        List<Wager> book = List.of(wager("p1", X, 100, 0), wager("p2", Y, 30, 1));

        Settlement settlement = Parimutuel.settle(book, X, Y, null, true);

        assertThat(settlement.outcome()).isEqualTo(Outcome.REFUNDED_CANCELLED);
        assertThat(settlement.payouts()).containsExactly(new Payout("p1", "user-p1", 100), new Payout("p2", "user-p2", 30));
    }

    @Test
    void anEmptyBookSettlesWithNothingToPay_P2_P3() {
        assertThat(Parimutuel.settle(List.of(), X, Y, X, false)).isEqualTo(new Settlement(Outcome.PAID, X, 0, List.of()));
        assertThat(Parimutuel.settle(List.of(), X, Y, null, false))
                .isEqualTo(new Settlement(Outcome.REFUNDED_DRAW, null, 0, List.of()));
        assertThat(Parimutuel.settle(List.of(), X, Y, null, true))
                .isEqualTo(new Settlement(Outcome.REFUNDED_CANCELLED, null, 0, List.of()));
    }

    @Test
    void payoutsFollowBookOrderNotListOrder_P2() {
        List<Wager> book = List.of(wager("c", X, 10, 2), wager("a", Y, 10, 0), wager("b", X, 10, 1));

        assertThat(Parimutuel.settle(book, X, Y, X, false).payouts()).extracting(Payout::predictionId)
                .containsExactly("a", "b", "c");
        assertThat(Parimutuel.settle(book, X, Y, X, false))
                .isEqualTo(Parimutuel.settle(List.of(book.get(2), book.get(0), book.get(1)), X, Y, X, false));
    }

    /** 10^5 wagers near 10^12: the pool is near 10^17 and pool * wager near 10^29, far past 2^63. */
    @Test
    void aHugeBookHasNoOverflow_P2() {
        List<Wager> book = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            book.add(wager("p" + i, i % 3 == 0 ? Y : X, 1_000_000_000_000L - 7L * i, i));
        }
        long pool = book.stream().mapToLong(Wager::amount).sum();
        long stake = book.stream().filter(w -> w.side().equals(X)).mapToLong(Wager::amount).sum();

        Settlement settlement = Parimutuel.settle(book, X, Y, X, false);

        assertThat(settlement.outcome()).isEqualTo(Outcome.PAID);
        assertThat(settlement.pool()).isEqualTo(pool);
        assertThat(settlement.totalPaid()).isEqualTo(pool);
        for (int i = 0; i < book.size(); i++) {
            Wager wager = book.get(i);
            long paid = settlement.payouts().get(i).amount();
            if (wager.side().equals(Y)) {
                assertThat(paid).isZero();
            } else {
                long floor = BigInteger.valueOf(pool).multiply(BigInteger.valueOf(wager.amount()))
                        .divide(BigInteger.valueOf(stake)).longValueExact();
                assertThat(paid).isBetween(floor, floor + 1);
            }
        }
    }

    @Test
    void impliedOddsArePoolOverTheSidesPool() {
        assertThat(Parimutuel.impliedOdds(100, 150, true)).isEqualTo(2.5);
        assertThat(Parimutuel.impliedOdds(100, 150, false)).isEqualTo(250.0 / 150);
        assertThat(Parimutuel.impliedOdds(0, 150, true)).isNull();
        assertThat(Parimutuel.impliedOdds(0, 0, false)).isNull();
        assertThatIllegalArgumentException().isThrownBy(() -> Parimutuel.impliedOdds(-1, 10, false));
    }

    @Test
    void refusesABookThatCannotBeSettled() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Parimutuel.settle(List.of(wager("p1", X, 0, 0)), X, Y, X, false));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Parimutuel.settle(List.of(wager("p1", X, -5, 0)), X, Y, X, false));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Parimutuel.settle(List.of(wager("p1", "team-z", 5, 0)), X, Y, X, false));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Parimutuel.settle(List.of(wager("p1", null, 5, 0)), X, Y, X, false));
        assertThatIllegalArgumentException().isThrownBy(() -> Parimutuel.settle(
                List.of(wager("p1", X, 5, 0), new Wager("p1", "someone-else", Y, 5, 1)), X, Y, X, false));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Parimutuel.settle(List.of(wager("p1", X, 5, 0)), X, Y, "team-z", false));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Parimutuel.settle(List.of(wager("p1", X, 5, 0)), X, X, X, false));
        assertThatIllegalArgumentException().isThrownBy(() -> Parimutuel.settle(
                List.of(wager("p1", X, Long.MAX_VALUE, 0), wager("p2", Y, 1, 1)), X, Y, X, false));
    }

    private static Wager wager(String predictionId, String side, long amount, int order) {
        return new Wager(predictionId, "user-" + predictionId, side, amount, order);
    }
}
